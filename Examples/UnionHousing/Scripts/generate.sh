#!/usr/bin/env bash
# Regenerates Sources/UnionHousing/Generated from Proto/ with thidua's Scripts/generate-api.sh: the
# protobuf messages, the embedded descriptor set (UnionHousingProtoFiles), the typed methods
# (Methods.UnionHousing.Requests.record) and the handler protocol that registers them
# (RequestsHandlers). Commit the result; thidua's Scripts/check-generated.sh fails when it is stale.
#
#   Scripts/generate.sh [OUTPUT_ROOT]       (OUTPUT_ROOT defaults to this package)
#
# THIDUA is where thidua is checked out: this package depends on it by path, ../.. (a package
# that depends on it by URL finds it in .build/checkouts/thidua after `swift package resolve`).
# PROTOC_GEN_SWIFT, when set, is the protoc-gen-swift plugin to use; otherwise it is built here.
set -euo pipefail
package=$(cd "$(dirname "$0")/.." && pwd)
thidua=${THIDUA:-$package/../..}
out_root=${1:-$package}
cd "$package"
GENERATED_BY=Scripts/generate.sh "$thidua/Scripts/generate-api.sh" \
  --services "$out_root/Sources/UnionHousing/Generated/UnionHousingServices.swift" \
  UnionHousing "$out_root/Sources/UnionHousing/Generated" Proto \
  thidua/union_housing/v1/union_housing.proto
