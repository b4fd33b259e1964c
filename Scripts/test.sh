#!/usr/bin/env bash
# Runs every test: the Swift suites (unit, wire, end-to-end over TCP, the real executables), the
# generated-code drift check, the C and Python clients against a live server, a server built
# outside this repository with its own campaign (Examples/UnionHousing), and a module made by
# Scripts/new-module.sh.
# Installs what a fresh machine lacks first. Exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/install-deps.sh

echo "== Swift build" >&2
swift build --build-tests
echo "== Swift tests" >&2
swift test --skip-build 2>&1 | tee .build/swift-test.log
swift_passed=$(sed -n 's/.*Test run with \([0-9]*\) test.* passed.*/\1/p' .build/swift-test.log | tail -1)

echo "== Generated code" >&2
Scripts/check-generated.sh

server_bin="$PWD/.build/debug/thidua-server"

echo "== C client" >&2
make -C Clients/c clean >/dev/null
make -C Clients/c test THIDUA_SERVER_BIN="$server_bin" 2>&1 | tee .build/c-test.log
c_passed=$(sed -n 's/^\([0-9]*\) passed, 0 failed$/\1/p' .build/c-test.log | tail -1)

echo "== Python client" >&2
Scripts/python-env.sh
THIDUA_SERVER_BIN="$server_bin" .build/python-venv/bin/python -m pytest -q Clients/python/tests 2>&1 | tee .build/python-test.log
python_passed=$(sed -n 's/^\([0-9]*\) passed.*/\1/p' .build/python-test.log | tail -1)

echo "== Module outside this repository" >&2
Scripts/check-outside-module.sh 2>&1 | tee .build/outside-test.log
outside_passed=$(sed -n 's/^outside: \([0-9]*\) passed, 0 failed$/\1/p' .build/outside-test.log | tail -1)

# Last, as it rebuilds the server with a throwaway module in it.
echo "== Module scaffold" >&2
Scripts/check-scaffold.sh 2>&1 | tee .build/scaffold-test.log
scaffold_passed=$(sed -n 's/.*Test run with \([0-9]*\) test.* passed.*/\1/p' .build/scaffold-test.log | tail -1)

echo "swift: ${swift_passed:-0} passed, C: ${c_passed:-0} passed, Python: ${python_passed:-0} passed, outside: ${outside_passed:-0} passed, scaffold: ${scaffold_passed:-0} passed" >&2
echo "all: $(( ${swift_passed:-0} + ${c_passed:-0} + ${python_passed:-0} + ${outside_passed:-0} + ${scaffold_passed:-0} )) passed, 0 failed"
