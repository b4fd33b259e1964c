#!/usr/bin/env bash
# The write-path benchmark of docs/PERFORMANCE.md: durable FileInitiative calls (each one a new
# initiative in a unit's register, acknowledged only after its transaction committed with
# synchronous=FULL) from many connections, against a release thidua-server with group commit
# (up to 512 writes per transaction), then against one committing each write alone
# (--max-batched-writes 1). Each run starts on a fresh data folder.
#
#   Scripts/write-path.sh [CONNECTIONS [IN_FLIGHT [DURATION]]]     defaults: 16 16 10s
#
# SERVER_BIN, when set, is the thidua-server to measure instead of this tree's (another
# commit's release build, to compare in one run); the CLI and the load tool stay this tree's.
#
# Builds and measurements hold /tmp/swift-build.lock, so nothing else builds meanwhile.
set -euo pipefail
cd "$(dirname "$0")/.."
connections=${1:-16}
in_flight=${2:-16}
duration=${3:-10s}
lock=/tmp/swift-build.lock
bin=.build-bench/release

echo "building release binaries…" >&2
[ -n "${SERVER_BIN:-}" ] || flock "$lock" swift build -c release --scratch-path .build-bench --product thidua-server >/dev/null
flock "$lock" swift build -c release --scratch-path .build-bench --product thidua-load >/dev/null
flock "$lock" swift build -c release --scratch-path .build-bench --product thidua >/dev/null

run() {  # run MAX_BATCHED_WRITES
  local tmp
  tmp=$(mktemp -d)
  mkfifo "$tmp/listening"
  "${SERVER_BIN:-$bin/thidua-server}" --port 0 --data-dir "$tmp/data" --durability full --max-batched-writes "$1" \
    --log-level warning >"$tmp/listening" 2>"$tmp/server.log" &
  local server=$!
  local line
  read -r line <"$tmp/listening"
  local address=${line#listening on }
  local key
  key=$(cat "$tmp/data/admin.key")
  cli() { "$bin/thidua" --server "$address" --api-key "$key" call "$@"; }
  field() { sed -n "s/.*\"$1\": *\"\([^\"]*\)\".*/\1/p" | head -n 1; }
  local root unit member campaign
  root=$(cli thidua.core.v1.Keys/WhoAmI --json '{}' | field unitId)
  unit=$(cli thidua.core.v1.Units/CreateUnit --json "{\"parentId\":\"$root\",\"name\":\"Công đoàn Công ty May\",\"kind\":\"GRASSROOTS_UNION\"}" | field id)
  member=$(cli thidua.core.v1.Members/AddMember --json "{\"unitId\":\"$unit\",\"fullName\":\"Lê Thị Hoa\",\"gender\":\"FEMALE\",\"unionMember\":true,\"joinedOn\":\"2015-03-01\"}" | field id)
  campaign=$(cli thidua.core.v1.Campaigns/CreateCampaign --json "{\"module\":\"innovation\",\"title\":\"Sáng kiến 2026\",\"launchingUnitId\":\"$root\",\"periodKind\":\"CALENDAR_YEAR\",\"year\":2026}" | field id)
  cli thidua.core.v1.Campaigns/LaunchCampaign --json "{\"id\":\"$campaign\",\"decisionNumber\":\"1/QĐ\",\"decisionDate\":\"2026-01-05\"}" >/dev/null
  echo "== max-batched-writes $1: $connections connections × $in_flight in flight, $duration" >&2
  flock "$lock" "$bin/thidua-load" --port "${address##*:}" --api-key "$key" \
    --connections "$connections" --in-flight "$in_flight" --duration "$duration" --warmup 2s \
    --server-pid "$server" --variants 2000000 --timeout 30s \
    --method thidua.innovation.v1.Initiatives/FileInitiative \
    --data "{\"campaignId\":\"$campaign\",\"unitId\":\"$unit\",\"title\":\"Sáng kiến số {{seq}}\",\"kind\":\"TECHNICAL\",\"authors\":[{\"memberId\":\"$member\",\"sharePercent\":100}],\"application\":\"APPLIED\",\"firstAppliedOn\":\"2026-02-01\",\"benefitVnd\":1000000}" \
    || true
  kill "$server"
  wait "$server" || true
  rm -rf "$tmp"
}

run 512
run 1
