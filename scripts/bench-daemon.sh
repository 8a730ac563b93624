#!/usr/bin/env bash
# Daemon resource figures (issue: the service): 1,000 feeds served by nginx on 127.0.0.1, the real
# daemon (`natowatch run`) with a 30-minute interval. Prints the first cycle's duration, the CPU time
# the daemon uses while idle between cycles (measured over IDLE_SECONDS, default 60) and its peak
# resident memory (VmHWM). Not a test: a measurement. Needs nginx (Debian: nginx-light).
#   scripts/bench-daemon.sh            # builds release unless NATOWATCH_BIN is set
set -euo pipefail
cd "$(dirname "$0")/.."
FEEDS=${BENCH_FEEDS:-1000}
IDLE=${IDLE_SECONDS:-60}
PORT=${BENCH_PORT:-18271}
if [ -z "${NATOWATCH_BIN:-}" ]; then
  # As deployed by Deploy/install.sh: release, Swift runtime linked statically.
  swift build -c release --product natowatch --static-swift-stdlib >/dev/null
  NATOWATCH_BIN=$PWD/.build/release/natowatch
fi
command -v nginx >/dev/null || apt-get install -y -qq nginx-light >/dev/null
work=$(mktemp -d)
cleanup() {
  [ -n "${DPID:-}" ] && kill "$DPID" 2>/dev/null || true
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
python3 - "$work" "$FEEDS" "$PORT" <<'PY'
import os, sys, random
w, n, port = sys.argv[1], int(sys.argv[2]), sys.argv[3]
os.makedirs(f"{w}/www"); random.seed(3)
words = "nato defence spending alliance ministers brussels ukraine mission pledge gdp billion summit partners security".split()
for i in range(n):
    items = "".join(f"<item><title>{' '.join(random.choice(words) for _ in range(8))}</title><link>http://127.0.0.1:{port}/a/{i}/{j}</link><guid>f{i}-{j}</guid><pubDate>Wed, 02 Apr 2025 10:{j:02d}:00 +0000</pubDate><description>{' '.join(random.choice(words) for _ in range(60))}</description></item>" for j in range(20))
    open(f"{w}/www/feed{i}.xml", "w").write(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {i}</title><link>http://example.org/</link>{items}</channel></rss>')
with open(f"{w}/natowatch.yaml", "w") as f:
    f.write(f"interval: 30m\nstate_dir: {w}/state\nalert_log: {w}/alerts.log\nfeeds:\n")
    for i in range(n): f.write(f"  - name: feed {i}\n    url: http://127.0.0.1:{port}/feed{i}.xml\n")
PY
cat >"$work/nginx.conf" <<NGX
user root; worker_processes 2; pid $work/nginx.pid; error_log $work/nginx.err;
events { worker_connections 1024; }
http { access_log off; default_type application/xml;
  server { listen 127.0.0.1:$PORT; root $work/www; etag on; gzip on; gzip_types application/xml; } }
NGX
nginx -c "$work/nginx.conf"
sleep 0.3
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }   # utime + stime, in clock ticks
tck=$(getconf CLK_TCK)
start=$(date +%s.%N)
"$NATOWATCH_BIN" run --config "$work/natowatch.yaml" 2>"$work/daemon.err" &
DPID=$!
# Wait for the first cycle to be recorded.
for _ in $(seq 1 600); do
  if "$NATOWATCH_BIN" status --config "$work/natowatch.yaml" --json 2>/dev/null | grep -q '"last_cycle" : {'; then break; fi
  sleep 0.5
done
first=$(python3 -c "import time,sys; print(round(time.time()-float(sys.argv[1]),1))" "$start")
sleep 2
c0=$(cpu "$DPID"); sleep "$IDLE"; c1=$(cpu "$DPID")
hwm=$(awk '/VmHWM/ {print $2}' "/proc/$DPID/status")
rss=$(awk '/VmRSS/ {print $2}' "/proc/$DPID/status")
summary=$("$NATOWATCH_BIN" status --config "$work/natowatch.yaml" | head -1)
kill -TERM "$DPID"; wait "$DPID" || true; DPID=
python3 - "$c0" "$c1" "$tck" "$IDLE" "$hwm" "$rss" "$FEEDS" "$first" <<'PY'
import sys
c0, c1, tck, idle, hwm, rss, n, first = sys.argv[1:]
idle_cpu = (float(c1) - float(c0)) / float(tck)
print(f"daemon with {n} feeds: first cycle done {first} s after start")
print(f"idle CPU over {idle} s: {idle_cpu:.2f} s ({100*idle_cpu/float(idle):.3f}% of one core)")
print(f"peak RSS (VmHWM): {int(hwm)/1024:.1f} MB; RSS while idle: {int(rss)/1024:.1f} MB (target < 60 MB)")
PY
echo "$summary"
