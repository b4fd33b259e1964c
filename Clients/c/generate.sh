#!/bin/sh
# Regenerates the protobuf-c code for every .proto under <repo>/Proto.
#
#   generate.sh              rewrite Clients/c/generated in place
#   generate.sh OUTPUT_DIR   write the same tree into OUTPUT_DIR (for a checker to diff)
#
# Needs protoc-c (Debian: protobuf-c-compiler).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
proto_root="$repo/Proto"
out=${1:-"$here/generated"}

command -v protoc-c >/dev/null 2>&1 || { echo "generate.sh: protoc-c not found (apt-get install protobuf-c-compiler)" >&2; exit 1; }

# Every .proto file, found by glob so new files are picked up, in a stable order.
protos=$(cd "$proto_root" && find . -name '*.proto' -type f | sed 's|^\./||' | LC_ALL=C sort)
[ -n "$protos" ] || { echo "generate.sh: no .proto files under $proto_root" >&2; exit 1; }

# Generate into a fresh directory, then copy it over the target, so files of deleted protos go away.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/thidua-c-gen.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
# shellcheck disable=SC2086 # the list is word-split on purpose (no spaces in proto paths)
(cd "$proto_root" && protoc-c --proto_path=. --c_out="$tmp" $protos)

# Only generated files are removed from the target, never anything else that lives there.
mkdir -p "$out"
find "$out" -type f \( -name '*.pb-c.c' -o -name '*.pb-c.h' \) -exec rm -f {} +
find "$out" -mindepth 1 -type d -empty -delete
cp -R "$tmp"/. "$out"/
echo "generated $(find "$out" -name '*.pb-c.c' | wc -l) files from $(echo "$protos" | wc -l) protos into $out"
