#!/usr/bin/env bash
# Proves that a package outside this repository builds a server with its own campaign module
# (docs/MODULES.md, "A module outside this repository"): copies Examples/UnionHousing to a
# temporary folder, points its dependency on thidua at this checkout, builds it, starts its
# housing-server on a free port with a fresh data folder, calls the module's methods with this
# repository's `thidua` CLI and checks the answers, then runs the example's own tests.
#
#   Scripts/check-outside-module.sh
#
# The package's build folder is .build-outside (OUTSIDE_SCRATCH overrides it): kept between runs
# like .build, so that a second run rebuilds only what changed. Everything else is removed.
# Ends with "outside: N passed, 0 failed"; exits non-zero on the first failure.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
scratch=${OUTSIDE_SCRATCH:-$repo/.build-outside}
started=$SECONDS

tmp=$(mktemp -d)
server=
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

passed=0
fail() {
  echo "check-outside-module: FAILED: $*" >&2
  [ -f "$tmp/server.log" ] && sed 's/^/  server: /' "$tmp/server.log" >&2
  exit 1
}
ok() {
  passed=$((passed + 1))
  echo "  ok: $*" >&2
}
# expect ACTUAL EXPECTED WHAT
expect() {
  [ "$1" = "$2" ] || fail "$3: expected \"$2\", got \"$1\""
  ok "$3"
}

# The package, as its authors would have it, with its dependency on this checkout.
package=$tmp/UnionHousing
tar -C Examples -cf - --exclude=.build --exclude=.swiftpm --exclude=Package.resolved UnionHousing | tar -C "$tmp" -xf -
sed -i "s|\.package(name: \"thidua\", path: \"\.\./\.\.\")|.package(name: \"thidua\", path: \"$repo\")|" "$package/Package.swift"
grep -qF "path: \"$repo\"" "$package/Package.swift" || fail "Package.swift no longer depends on thidua by path \"../..\""

echo "== building Examples/UnionHousing in $package" >&2
build_started=$SECONDS
swift build --package-path "$package" --scratch-path "$scratch" --build-tests >&2
build_seconds=$((SECONDS - build_started))
bin=$(swift build --package-path "$package" --scratch-path "$scratch" --show-bin-path)
# This repository's CLI, which knows nothing of the module: it learns it from the server.
swift build --product thidua >&2
cli_bin=$repo/.build/debug/thidua

# The server's own command line, with the module's rules in the catalogue.
expect "$("$bin/housing-server" rules | cut -f1 | grep -c '^union_housing\.')" 4 "housing-server rules lists the module's 4 rules"

# The server on a free port, with a fresh data folder; it prints one line once it listens.
mkfifo "$tmp/listening"
"$bin/housing-server" --host 127.0.0.1 --port 0 --data-dir "$tmp/data" --log-level warning \
  >"$tmp/listening" 2>"$tmp/server.log" &
server=$!
line=
read -r -t 120 line <"$tmp/listening" || true
[[ $line == "listening on "* ]] || fail "housing-server did not say where it listens (got \"$line\")"
address=${line#listening on }
key=$(cat "$tmp/data/admin.key")

# call [CLI OPTIONS...] METHOD JSON: the answer's JSON on one line.
call() {
  local options=()
  while [ $# -gt 2 ]; do options+=("$1"); shift; done
  "$cli_bin" --server "$address" --api-key "$key" "${options[@]}" call "$1" --json "$2" --compact
}
# field NAME: the value of a top-level field of the JSON on standard input.
field() {
  python3 -c 'import json, sys; print(json.load(sys.stdin).get(sys.argv[1], ""))' "$1"
}
# refused STATUS RULE [CLI OPTIONS...] METHOD JSON: the call fails with STATUS naming RULE; prints
# the CLI's message.
refused() {
  local status=$1 rule=$2 out code=0
  shift 2
  out=$(call "$@" 2>&1) && fail "$* was not refused"
  code=$?
  [ "$code" -eq $((64 + status)) ] || fail "$*: expected exit $((64 + status)), got $code: $out"
  grep -q "rule $rule:" <<<"$out" || fail "$*: expected rule $rule in: $out"
  echo "$out"
}

echo "== calling the module on $address" >&2
info=$(call thidua.host.v1.ServerInfo/GetInfo '{}')
expect "$(python3 -c 'import json, sys; print(",".join(m["id"] for m in json.load(sys.stdin)["modules"]))' <<<"$info")" \
  core,dialogue,green_clean,innovation,two_goods,work_and_home,union_housing "the server runs the core, thidua's campaigns and union_housing"
"$cli_bin" --server "$address" --api-key "$key" services | grep -qx thidua.union_housing.v1.Requests \
  || fail "the reflection service does not list thidua.union_housing.v1.Requests"
ok "the reflection service describes the module to the CLI"

root=$(call thidua.core.v1.Keys/WhoAmI '{}' | field unitId)
district=$(call thidua.core.v1.Units/CreateUnit "{\"parentId\":\"$root\",\"name\":\"LĐLĐ huyện Triệu Sơn\",\"kind\":\"DISTRICT_FEDERATION\",\"validFrom\":\"2000-01-01\"}" | field id)
company=$(call thidua.core.v1.Units/CreateUnit "{\"parentId\":\"$district\",\"name\":\"CĐCS Công ty TNHH Dream F Vina\",\"kind\":\"GRASSROOTS_UNION\",\"sector\":\"FOREIGN_INVESTED_ENTERPRISE\",\"validFrom\":\"2000-01-01\"}" | field id)
hoa=$(call thidua.core.v1.Members/AddMember "{\"unitId\":\"$company\",\"fullName\":\"Lê Thị Hoa\",\"gender\":\"FEMALE\",\"unionMember\":true}" | field id)
thu=$(call thidua.core.v1.Members/AddMember "{\"unitId\":\"$company\",\"fullName\":\"Phạm Thị Thu\",\"gender\":\"FEMALE\",\"unionMember\":false}" | field id)
today=$(TZ=Asia/Ho_Chi_Minh date +%F)
year=${today%%-*}
campaign=$(call thidua.core.v1.Campaigns/CreateCampaign "{\"module\":\"union_housing\",\"title\":\"Mái ấm Công đoàn $year\",\"launchingUnitId\":\"$district\",\"periodKind\":\"CALENDAR_YEAR\",\"year\":$year}" | field id)
call thidua.core.v1.Campaigns/LaunchCampaign "{\"id\":\"$campaign\",\"decisionNumber\":\"1/QĐ-LĐLĐ\",\"decisionDate\":\"$today\"}" >/dev/null
# The grassroots union's own key, with the module's permissions only.
union_key=$(call thidua.core.v1.Keys/MintKey "{\"label\":\"CĐCS Dream F Vina\",\"unitId\":\"$company\",\"permissions\":[\"union_housing.record\",\"union_housing.read\"]}" | field apiKey)

# request MEMBER: her request for repairs costing 120 million đồng, 50 million asked for.
request() {
  echo "{\"campaignId\":\"$campaign\",\"memberId\":\"$1\",\"need\":\"REPAIR\",\"estimatedCostVnd\":\"120000000\",\"requestedVnd\":\"50000000\",\"circumstances\":\"Nhà bị tốc mái sau bão số 3\"}"
}
recorded=$(key=$union_key call thidua.union_housing.v1.Requests/Record "$(request "$hoa")")
id=$(field id <<<"$recorded")
[[ $id =~ ^uhr[1-9][0-9]*$ ]] || fail "Requests/Record answered $recorded"
expect "$(field unitId <<<"$recorded") $(field memberName <<<"$recorded") $(field requestedVnd <<<"$recorded")" \
  "$company Lê Thị Hoa 50000000" "the union's key records Lê Thị Hoa's request ($id)"
listed=$(call thidua.union_housing.v1.Requests/List "{\"unitId\":\"$district\"}")
expect "$(python3 -c 'import json, sys; print(" ".join(r["id"] for r in json.load(sys.stdin)["requests"]))' <<<"$listed")" \
  "$id" "the district lists the request of its subtree"

refused 6 union_housing.request_unique thidua.union_housing.v1.Requests/Record "$(request "$hoa")" >/dev/null
ok "a second request of the same member is refused (ALREADY_EXISTS, union_housing.request_unique)"
message=$(refused 9 union_housing.union_member --lang vi thidua.union_housing.v1.Requests/Record "$(request "$thu")")
grep -qF '"Mái ấm Công đoàn" hỗ trợ đoàn viên công đoàn; Phạm Thị Thu chưa gia nhập Công đoàn' <<<"$message" \
  || fail "the refusal in Vietnamese reads: $message"
ok "a worker who has not joined the union is refused, in Vietnamese for --lang vi (union_housing.union_member)"
key=$union_key refused 7 auth.permission thidua.core.v1.Units/CreateUnit "{\"parentId\":\"$company\",\"name\":\"Tổ công đoàn\",\"kind\":\"GRASSROOTS_UNION\"}" >/dev/null
ok "the union's key holds the module's permissions only"

# A drain on SIGTERM, and a clean exit.
kill -TERM "$server"
status=0
wait "$server" || status=$?
server=
expect "$status" 0 "housing-server drains and exits 0 on SIGTERM"

echo "== the example's own tests" >&2
swift test --package-path "$package" --scratch-path "$scratch" --skip-build 2>&1 | tee "$tmp/test.log" >&2
tests=$(sed -n 's/.*Test run with \([0-9]*\) test.* passed.*/\1/p' "$tmp/test.log" | tail -1)
[ -n "$tests" ] || fail "the example's tests did not pass"

echo "outside module: built in ${build_seconds}s, $passed checks over the wire and $tests tests of its own passed in $((SECONDS - started))s" >&2
echo "outside: $((passed + tests)) passed, 0 failed"
