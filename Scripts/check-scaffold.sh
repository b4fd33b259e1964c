#!/usr/bin/env bash
# Proves Scripts/new-module.sh: creates a module, builds everything, runs the module's own test
# over the wire, and removes the module again, leaving the tree as it was.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
name=ScaffoldProbe
id=scaffold_probe

backup=$(mktemp -d)
cp Package.swift Sources/ThiduaBuiltinModules/BuiltinModules.swift docs/RULES.md "$backup"/
cleanup() {
  rm -rf "Plugins/$name" "Proto/thidua/$id" "Clients/c/generated/thidua/$id" "Clients/python/src/thidua/$id"
  cp "$backup/Package.swift" Package.swift
  cp "$backup/BuiltinModules.swift" Sources/ThiduaBuiltinModules/BuiltinModules.swift
  cp "$backup/RULES.md" docs/RULES.md
  rm -rf "$backup"
}
trap cleanup EXIT

Scripts/new-module.sh "$name"
swift build --build-tests
swift test --skip-build --filter "${name}Tests"
echo "scaffold: module $name built, registered and passed its test"
