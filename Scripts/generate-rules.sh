#!/usr/bin/env bash
# Writes docs/RULES.md from the rule catalogue (`thidua-server rules --markdown`): every rule a
# refusal can name, with its status, its messages in English and Vietnamese, and its legal basis.
# The output is committed; Scripts/check-generated.sh fails when it is stale.
#
# Usage: Scripts/generate-rules.sh [OUTPUT_ROOT]
#   OUTPUT_ROOT defaults to the repository; the check script passes a temporary folder.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
out_root=${1:-$repo}
cd "$repo"

swift build --product thidua-server >&2
mkdir -p "$out_root/docs"
"$(swift build --show-bin-path)/thidua-server" rules --markdown > "$out_root/docs/RULES.md"
echo "generated $out_root/docs/RULES.md" >&2
