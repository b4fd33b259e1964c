#!/usr/bin/env bash
# Fails when the committed generated code differs from what Scripts/generate-protos.sh produces,
# or docs/RULES.md from what Scripts/generate-rules.sh produces.
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

# The clients' generated code: each generator writes the same tree into a folder we name.
check_client() {
  local name=$1 committed=$2 generator=$3
  mkdir -p "$scratch/$name"
  "$generator" "$scratch/$name" >/dev/null
  if ! diff -ru "$committed" "$scratch/$name"; then
    echo "stale generated code in $committed: run $generator and commit the result" >&2
    status=1
  fi
}
check_client c "$repo/Clients/c/generated" "$repo/Clients/c/generate.sh"

mkdir -p "$scratch/python"
"$repo/Clients/python/generate.sh" "$scratch/python" >/dev/null
if ! diff -ru -x __pycache__ "$repo/Clients/python/src/thidua" "$scratch/python/thidua"; then
  echo "stale generated code in Clients/python/src/thidua: run Clients/python/generate.sh and commit the result" >&2
  status=1
fi

# The rule catalogue's document.
"$repo/Scripts/generate-rules.sh" "$scratch"
if ! diff -u "$repo/docs/RULES.md" "$scratch/docs/RULES.md"; then
  echo "stale docs/RULES.md: run Scripts/generate-rules.sh and commit the result" >&2
  status=1
fi

[ $status -eq 0 ] && echo "generated code is up to date"
exit $status
