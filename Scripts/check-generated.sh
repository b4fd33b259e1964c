#!/usr/bin/env bash
# Fails when the committed generated code differs from what Scripts/generate-protos.sh produces.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
"$repo/Scripts/generate-protos.sh" "$scratch"
status=0
for dir in $(cd "$scratch" && find . -type d -name Generated); do
  if ! diff -ru "$repo/$dir" "$scratch/$dir"; then
    echo "stale generated code in $dir: run Scripts/generate-protos.sh and commit the result" >&2
    status=1
  fi
done
[ $status -eq 0 ] && echo "generated code is up to date"
exit $status
