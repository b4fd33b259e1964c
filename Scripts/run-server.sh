#!/usr/bin/env bash
# Builds thidua-server (release) and runs it on its embedded default: 127.0.0.1:7878, data in
# ./data. Extra arguments go to thidua-server (try --help).
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/install-deps.sh
swift build -c release --product thidua-server >&2
swift build -c release --product thidua >&2
swift build -c release --product thidua-load >&2
exec .build/release/thidua-server "$@"
