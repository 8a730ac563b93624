#!/usr/bin/env bash
# Parser throughput: natowatch vs Python feedparser 6.0.14 vs feedparser-rs, each parsing the whole
# feed corpus (and a synthetic 50,000-item feed) in one process, parse time only, best of N passes.
#
# Usage: scripts/bench-parser.sh [CORPUS_DIR]
# Env:   REPEAT (natowatch/feedparser-rs passes, default 5), FP_REPEAT (feedparser passes, default 2),
#        ITEMS (synthetic feed size, default 50000), BENCH_VENV (Python venv, created on first use),
#        NATOWATCH (binary; default: builds .build/release/natowatch), SKIP_PYTHON=1 (natowatch only).
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${1:-../shared/corpus/feeds}
[ -d "$CORPUS" ] || CORPUS=/work/shared/corpus/feeds
REPEAT=${REPEAT:-5}
FP_REPEAT=${FP_REPEAT:-2}
ITEMS=${ITEMS:-50000}
HERE=scripts/bench-parser
VENV=${BENCH_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/natowatch-bench-venv}

if [ -z "${NATOWATCH:-}" ]; then
    swift build -c release --product natowatch >&2
    NATOWATCH=.build/release/natowatch
fi

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
python3 "$HERE/synth.py" "$TMP/synthetic-$ITEMS.xml" "$ITEMS"

if [ -z "${SKIP_PYTHON:-}" ]; then
    if [ ! -x "$VENV/bin/python3" ]; then
        python3 -m venv "$VENV" >&2
        "$VENV/bin/pip" install -q "feedparser==6.0.14" feedparser-rs >&2
    fi
fi

mbs() { grep -oE '[0-9.]+ MB/s' | grep -oE '[0-9.]+'; }
ips() { grep -oE '[0-9.]+ items/s' | grep -oE '[0-9.]+'; }

run_set() {  # $1 label, $2 path
    local label=$1 path=$2 nw rs fp
    nw=$("$NATOWATCH" parse --bench "$path" --repeat-count "$REPEAT")
    echo "  $nw"
    if [ -z "${SKIP_PYTHON:-}" ]; then
        rs=$("$VENV/bin/python3" "$HERE/pybench.py" feedparser-rs "$REPEAT" "$path")
        echo "  $rs"
        fp=$("$VENV/bin/python3" "$HERE/pybench.py" feedparser "$FP_REPEAT" "$path")
        echo "  $fp"
        python3 - "$label" "$(echo "$nw" | mbs)" "$(echo "$rs" | mbs)" "$(echo "$fp" | mbs)" \
            "$(echo "$nw" | ips)" "$(echo "$rs" | ips)" "$(echo "$fp" | ips)" <<'PY'
import sys
label, nw, rs, fp, inw, irs, ifp = sys.argv[1], *map(float, sys.argv[2:])
print(f"  {label}: natowatch {nw:.2f} MB/s | feedparser-rs {rs:.2f} MB/s | feedparser {fp:.2f} MB/s"
      f"  -> {nw / rs:.2f}x feedparser-rs, {nw / fp:.1f}x feedparser")
print(f"  {label}: natowatch {inw:,.0f} items/s | feedparser-rs {irs:,.0f} items/s | feedparser {ifp:,.0f} items/s"
      f"  -> {inw / irs:.2f}x feedparser-rs, {inw / ifp:.1f}x feedparser")
PY
        if [ "$label" = synthetic ]; then
            echo "  note: feedparser-rs stops collecting entries at 10,000 per feed, so on the synthetic feed"
            echo "        its MB/s is not comparable; compare items/s."
        fi
    fi
}

echo "corpus ($CORPUS):"
run_set corpus "$CORPUS"
echo "synthetic ($ITEMS items):"
run_set synthetic "$TMP/synthetic-$ITEMS.xml"
