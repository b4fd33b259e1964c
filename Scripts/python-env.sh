#!/usr/bin/env bash
# Creates (once) .build/python-venv with the Python client and pytest installed, and refreshes
# the client from the working tree.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .build/python-venv/bin/python ]; then
  mkdir -p .build
  python3 -m venv .build/python-venv
fi
.build/python-venv/bin/pip install --quiet --disable-pip-version-check ./Clients/python pytest
