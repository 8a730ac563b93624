#!/usr/bin/env bash
# Build (failing on any compiler warning in natowatch's own code) and run the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
if ! swift build --build-tests >"$log" 2>&1; then
  tail -50 "$log"
  echo "natowatch: the build failed" >&2
  exit 1
fi
if grep -E "warning:" "$log" | grep -v "/.build/" | grep -E "/(Sources|Tests)/" ; then
  echo "natowatch: the build has warnings (above); fix them" >&2
  exit 1
fi
swift test --skip-build 2>&1
