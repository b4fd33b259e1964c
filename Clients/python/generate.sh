#!/usr/bin/env bash
# Regenerates the Python protobuf code of every .proto file under <repo>/Proto.
#
#   generate.sh             rewrite the committed code in place (src/thidua/...)
#   generate.sh OUTPUT_DIR  write the same tree under OUTPUT_DIR (OUTPUT_DIR/thidua/...), so a
#                           checker can run: diff -r -x __pycache__ src/thidua OUTPUT_DIR/thidua
#
# Needs protoc (Debian: apt-get install protobuf-compiler; made with libprotoc 3.21.12).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
proto_root="$(cd "$here/../../Proto" && pwd)"
out="${1:-$here/src}"

mkdir -p "$out"
out="$(cd "$out" && pwd)"  # absolute: the script changes directory below

shopt -s globstar nullglob
cd "$proto_root"
protos=(**/*.proto)
if [ "${#protos[@]}" -eq 0 ]; then
  echo "generate.sh: no .proto files under $proto_root" >&2
  exit 1
fi

if [ $# -eq 0 ]; then
  # In place: drop what was generated before, so a removed .proto leaves no stale module.
  # src/thidua holds generated code only (it is a namespace package, with no __init__.py).
  rm -rf "$out/thidua"
fi

protoc --proto_path="$proto_root" --python_out="$out" --pyi_out="$out" "${protos[@]}"
echo "generated ${#protos[@]} file(s) into $out/thidua" >&2
