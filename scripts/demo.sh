#!/usr/bin/env bash
# The README's first quick-start command: install what is missing, build natowatch in release
# mode, run one fetch cycle on the bundled demo config (no internet needed) and show the alerts.
# Run it again and the cycle adds nothing. `scripts/demo.sh --reset` starts from empty state.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--reset" ]; then rm -rf demo-state; fi
need=()
for p in libcurl4-openssl-dev libsqlite3-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
fi
swift build -c release --product natowatch 2>&1 | grep -E "error|warning:|Compiling natowatch|Build complete" || true
bin=.build/release/natowatch
"$bin" check-config --config Config/demo.yaml
"$bin" fetch --config Config/demo.yaml
echo
echo "== alert log (demo-state/alerts.log), as text:"
"$bin" alerts --config Config/demo.yaml
echo
echo "== the pledge ledger:"
"$bin" pledges --config Config/demo.yaml
