#!/usr/bin/env bash
# Classifier throughput: the labelled dev set repeated to >= 20 MB, classified in one process by a
# release build, beside a plain multi-pattern scan of the same text (the ceiling); then the same
# batch end to end through `natowatch classify --jsonl` (JSON in and out included).
# Usage: scripts/bench-classifier.sh [MB]   (run from the project root)
set -euo pipefail
MB=${1:-20}
cd "$(dirname "$0")/.."
swift build -c release --product natowatch >/dev/null
NW=.build/release/natowatch
SET=Tests/NatoWatchTests/Fixtures/classify/dev
echo "== in-process (library) =="
"$NW" evaluate --benchmark --megabytes "$MB" --set "$SET" --rules Config/topics.yaml
echo "== end to end (natowatch classify --jsonl) =="
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
python3 scripts/bench-classifier/make-jsonl.py "$SET" "$MB" >"$TMP/batch.jsonl"
BYTES=$(stat -c %s "$TMP/batch.jsonl")
START=$(date +%s.%N)
"$NW" classify --jsonl --rules Config/topics.yaml "$TMP/batch.jsonl" >"$TMP/out.jsonl"
END=$(date +%s.%N)
python3 - "$BYTES" "$START" "$END" "$TMP/out.jsonl" <<'PY'
import sys
b, s, e = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
n = sum(1 for _ in open(sys.argv[4]))
print(f"jsonl: {b/1e6:.1f} MB, {n} articles, {e-s:.2f} s, {b/1e6/(e-s):.1f} MB/s")
PY
