#!/usr/bin/env bash
# Proves that an acknowledged write survives kill -9: see Scripts/crash_test.py.
# Usage: Scripts/crash-test.sh [--rounds N] [--writers N] [--durability full|normal]
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/install-deps.sh
swift build -c release --product thidua-server >&2
Scripts/python-env.sh >&2
exec .build/python-venv/bin/python Scripts/crash_test.py .build/release/thidua-server "$@"
