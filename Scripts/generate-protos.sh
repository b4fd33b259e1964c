#!/usr/bin/env bash
# Regenerates the Swift code for every .proto under Proto/ and the embedded descriptor sets that
# the reflection service serves, one group of protos at a time with Scripts/generate-api.sh. The
# output is committed; Scripts/check-generated.sh fails when it is stale.
#
# Usage: Scripts/generate-protos.sh [OUTPUT_ROOT]
#   OUTPUT_ROOT defaults to the repository; the check script passes a temporary folder.
# Environment:
#   PROTOC_GEN_SWIFT  the protoc-gen-swift plugin to use; when unset it is built here,
#   SCRATCH_PATH      in this build folder (swift build --scratch-path; default .build).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
out_root=${1:-$repo}
cd "$repo"

command -v protoc >/dev/null || { echo "protoc is missing: apt-get install protobuf-compiler" >&2; exit 1; }

# The plugin is built once here for every group, unless one is given.
if [ -z "${PROTOC_GEN_SWIFT:-}" ]; then
  scratch=(${SCRATCH_PATH:+--scratch-path "$SCRATCH_PATH"})
  swift build "${scratch[@]}" --product protoc-gen-swift >&2
  PROTOC_GEN_SWIFT="$(swift build "${scratch[@]}" --show-bin-path)/protoc-gen-swift"
fi
export PROTOC_GEN_SWIFT GENERATED_BY=Scripts/generate-protos.sh

# Scripts/generate-api.sh [OPTIONS] NAMESPACE OUT_DIR PROTO_ROOT PROTO..., once per group.
generate_api=Scripts/generate-api.sh

"$generate_api" --descriptors WireProtoFiles Host "$out_root/Sources/ThiduaWire/Generated" Proto \
  thidua/wire/v1/frame.proto \
  thidua/host/v1/health.proto \
  thidua/host/v1/reflection.proto \
  thidua/host/v1/server_info.proto \
  thidua/host/v1/echo.proto

"$generate_api" Core "$out_root/Sources/ThiduaCoreAPI/Generated" Proto \
  thidua/core/v1/common.proto \
  thidua/core/v1/keys.proto \
  thidua/core/v1/units.proto \
  thidua/core/v1/members.proto \
  thidua/core/v1/changes.proto \
  thidua/core/v1/audit.proto \
  thidua/core/v1/campaigns.proto \
  thidua/core/v1/reviews.proto \
  thidua/core/v1/awards.proto \
  thidua/core/v1/reports.proto \
  thidua/core/v1/import.proto

# Each campaign module's API: Plugins/<Name>/API/Generated from Proto/thidua/<name_in_snake_case>/v1,
# and its handler protocols in Plugins/<Name>/Generated (compiled into the module's target).
for api in "$repo"/Plugins/*/API; do
  [ -d "$api" ] || continue
  name=$(basename "$(dirname "$api")")
  id=$(echo "$name" | sed -E 's/([a-z0-9])([A-Z])/\1_\2/g' | tr '[:upper:]' '[:lower:]')
  protos=$(cd Proto && find "thidua/$id/v1" -name '*.proto' | LC_ALL=C sort)
  # shellcheck disable=SC2086 # one word per proto path
  "$generate_api" --services "$out_root/Plugins/$name/Generated/${name}Services.swift" --api-module "${name}API" \
    "$name" "$out_root/Plugins/$name/API/Generated" Proto $protos
done

# Test-only schemas that exercise every protobuf field type and encoding.
"$generate_api" --no-methods Test "$out_root/Tests/ThiduaDynamicMessagesTests/Generated" Tests/ThiduaDynamicMessagesTests/Protos \
  thidua/test/v1/all_types.proto \
  thidua/test/v1/legacy.proto

echo "generated into $out_root" >&2
