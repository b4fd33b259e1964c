#!/bin/sh
# Runs thidua_initiative against a live server: starts $THIDUA_SERVER_BIN on a free port in a
# fresh data folder, creates a grassroots union with a member and a launched innovation campaign
# through the thidua CLI beside it, runs the example, and stops the server.
# Prints "1 passed, 0 failed" when the example succeeded, as the other C tests do.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
server_bin=${THIDUA_SERVER_BIN:?set THIDUA_SERVER_BIN to the thidua-server binary}
cli_bin=$(dirname "$server_bin")/thidua
tmp=$(mktemp -d "${TMPDIR:-/tmp}/thidua-c-example.XXXXXX")
mkfifo "$tmp/listening"
"$server_bin" --host 127.0.0.1 --port 0 --data-dir "$tmp/data" >"$tmp/listening" 2>"$tmp/server.log" &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$tmp"' EXIT
# The server prints one line when it listens; reading the pipe waits for it.
read -r line <"$tmp/listening" || { cat "$tmp/server.log" >&2; exit 1; }
address=${line#listening on }
port=${address##*:}
key=$(cat "$tmp/data/admin.key")

cli() { "$cli_bin" --server "$address" --api-key "$key" call "$@"; }
field() { sed -n "s/.*\"$1\": *\"\([^\"]*\)\".*/\1/p" | head -n 1; }

root=$(cli thidua.core.v1.Keys/WhoAmI --json '{}' | field unitId)
district=$(cli thidua.core.v1.Units/CreateUnit --json "{\"parentId\":\"$root\",\"name\":\"LĐLĐ huyện Triệu Sơn\",\"kind\":\"DISTRICT_FEDERATION\"}" | field id)
union=$(cli thidua.core.v1.Units/CreateUnit --json "{\"parentId\":\"$district\",\"name\":\"Công đoàn Công ty May Triệu Sơn\",\"kind\":\"GRASSROOTS_UNION\",\"sector\":\"NON_STATE_ENTERPRISE\"}" | field id)
cli thidua.core.v1.Members/AddMember --json "{\"unitId\":\"$union\",\"fullName\":\"Lê Thị Hoa\",\"gender\":\"FEMALE\",\"unionMember\":true,\"joinedOn\":\"2015-03-01\"}" >/dev/null
campaign=$(cli thidua.core.v1.Campaigns/CreateCampaign --json "{\"module\":\"innovation\",\"title\":\"Lao động giỏi, lao động sáng tạo 2026\",\"launchingUnitId\":\"$district\",\"periodKind\":\"CALENDAR_YEAR\",\"year\":2026}" | field id)
cli thidua.core.v1.Campaigns/LaunchCampaign --json "{\"id\":\"$campaign\",\"decisionNumber\":\"12/QĐ-LĐLĐ\",\"decisionDate\":\"2026-01-10\"}" >/dev/null

if "$here/thidua_initiative" 127.0.0.1 "$port" "$key"; then
  echo "1 passed, 0 failed"
else
  echo "0 passed, 1 failed"
  exit 1
fi
