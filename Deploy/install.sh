#!/usr/bin/env bash
# Install natowatch as a systemd service (idempotent). Run as root from the repository:
#   Deploy/install.sh              build in release mode, install binary, rules, config, units
#   Deploy/install.sh --uninstall  remove binary and units (keeps config, state and alert log)
set -euo pipefail
cd "$(dirname "$0")/.."
PREFIX=${PREFIX:-/usr/local}
ETC=${ETC:-/etc/natowatch}
UNITS=${UNITS:-/etc/systemd/system}
LOGROTATE=${LOGROTATE:-/etc/logrotate.d}
have_systemd() { [ -d /run/systemd/system ]; }

if [ "${1:-}" = "--uninstall" ]; then
  if have_systemd; then
    systemctl disable --now natowatch.service natowatch-fetch.timer 2>/dev/null || true
  fi
  rm -f "$UNITS/natowatch.service" "$UNITS/natowatch-fetch.service" "$UNITS/natowatch-fetch.timer"
  rm -f "$PREFIX/bin/natowatch" "$LOGROTATE/natowatch"
  rm -rf "$PREFIX/share/natowatch" "$PREFIX/share/doc/natowatch"
  have_systemd && systemctl daemon-reload || true
  echo "natowatch removed; $ETC, /var/lib/natowatch and /var/log/natowatch were kept"
  exit 0
fi

need=()
for p in libcurl4-openssl-dev libsqlite3-dev; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update -qq && apt-get install -y -qq "${need[@]}"; fi
swift build -c release --product natowatch --static-swift-stdlib
install -D -m 0755 .build/release/natowatch "$PREFIX/bin/natowatch"
install -d "$PREFIX/share/natowatch/gazetteer" "$PREFIX/share/doc/natowatch"
install -m 0644 Config/topics.yaml "$PREFIX/share/natowatch/topics.yaml"
install -m 0644 Config/gazetteer/* "$PREFIX/share/natowatch/gazetteer/"
install -m 0644 README.md "$PREFIX/share/doc/natowatch/README.md"
install -d -m 0755 "$ETC"
# The config is the operator's: installed once, never overwritten.
for f in natowatch.yaml topics.yaml ledger-seed.yaml; do
  if [ -f "Config/$f" ] && [ ! -e "$ETC/$f" ]; then install -m 0644 "Config/$f" "$ETC/$f"; fi
done
if [ ! -e "$ETC/gazetteer" ]; then cp -r Config/gazetteer "$ETC/gazetteer"; fi
install -D -m 0644 Deploy/natowatch.service "$UNITS/natowatch.service"
install -D -m 0644 Deploy/natowatch-fetch.service "$UNITS/natowatch-fetch.service"
install -D -m 0644 Deploy/natowatch-fetch.timer "$UNITS/natowatch-fetch.timer"
install -D -m 0644 Deploy/natowatch.logrotate "$LOGROTATE/natowatch"
"$PREFIX/bin/natowatch" check-config --config "$ETC/natowatch.yaml"
if have_systemd; then
  systemctl daemon-reload
  echo "installed. Start with: systemctl enable --now natowatch.service"
else
  echo "installed (systemd is not running here, so nothing was enabled)"
fi
