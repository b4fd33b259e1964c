#!/usr/bin/env bash
# Builds release binaries and runs the side-by-side comparison of docs/PERFORMANCE.md: thidua's
# Echo/Unary against a bare SwiftNIO length-prefixed echo and a grpc-swift-2 unary echo, scenarios
# A (1 connection, 1 in flight), B (4 × 16) and C (16 × 16), 64-byte payloads; then 10,000 idle
# connections held by thidua-server. Prints the table and the ratios.
#
# Every build and the measurement itself hold /tmp/swift-build.lock, so nothing else builds while
# it measures. Options are passed to the harness, for example:
#   Scripts/compare.sh --duration 5 --warmup 1 --scenarios B,C
#   Scripts/compare.sh --json-out /tmp/compare.json
# IDLE_CONNECTIONS=0 skips the idle-connection check.
set -euo pipefail
cd "$(dirname "$0")/.."

lock=/tmp/swift-build.lock
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

build() {  # build NAME DIR ARGS...: a release build under the lock, its output in a log file
    local name=$1 dir=$2
    shift 2
    echo "building $name…" >&2
    if ! (cd "$dir" && flock "$lock" swift build -c release "$@" >"$logs/$name.log" 2>&1); then
        grep -E "error:" "$logs/$name.log" >&2 || tail -n 40 "$logs/$name.log" >&2
        exit 1
    fi
}

build thidua-server . --scratch-path .build-bench --product thidua-server
build thidua-load . --scratch-path .build-bench --product thidua-load
build benchmarks Benchmarks

flock "$lock" Benchmarks/.build/release/compare \
    --thidua-bin .build-bench/release \
    --bench-bin Benchmarks/.build/release \
    --idle-connections "${IDLE_CONNECTIONS:-10000}" \
    "$@"
