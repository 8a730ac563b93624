#!/usr/bin/env bash
# Build the libFuzzer targets (feed parser, classifier) with -sanitize=fuzzer,address and run
# each for SECONDS (default 60), seeded from /work/shared/corpus/feeds (or $NW_FUZZ_SEEDS) and
# Tests/NatoWatchTests/Fixtures. Prints each target's executions; crash inputs are copied to
# Tests/NatoWatchTests/Fixtures/reliability/fuzz-crashes/<target>/ and make the script fail.
#
#   scripts/reliability/fuzz.sh [SECONDS]           # both targets, one after the other
#   NW_FUZZ_TARGETS=NatoWatchFuzzParser scripts/reliability/fuzz.sh 600
#   NW_FUZZ_RUNS=10000000 scripts/reliability/fuzz.sh 3600   # stop at 10M executions (or SECONDS)
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
SECONDS_PER_TARGET=${1:-60}
TARGETS=${NW_FUZZ_TARGETS:-"NatoWatchFuzzParser NatoWatchFuzzClassifier"}
SCRATCH=${NW_FUZZ_SCRATCH:-$ROOT/.build-fuzz}
WORK=${NW_FUZZ_WORK:-$SCRATCH/fuzz-work}
CRASHES=$ROOT/Tests/NatoWatchTests/Fixtures/reliability/fuzz-crashes
SEEDS=${NW_FUZZ_SEEDS:-/work/shared/corpus/feeds}
mkdir -p "$WORK"
status=0
for t in $TARGETS; do
  log=$WORK/$t.build.log
  if ! swift build -c release --scratch-path "$SCRATCH" -Xswiftc -sanitize=fuzzer,address \
      -Xswiftc -parse-as-library -Xswiftc -DNATOWATCH_FUZZ --product "$t" >"$log" 2>&1; then
    tail -20 "$log"; echo "fuzz: $t: build failed"; status=1; continue
  fi
  bin=$SCRATCH/release/$t
  corpus=$WORK/corpus-$t; mkdir -p "$corpus" "$WORK/artifacts-$t"
  seeds=()
  [ -d "$SEEDS" ] && seeds+=("$SEEDS")
  seeds+=("$ROOT/Tests/NatoWatchTests/Fixtures")
  [ -d "$CRASHES/$t" ] && seeds+=("$CRASHES/$t")
  # Seed directories hold nested folders; libFuzzer reads only files, so flatten them once.
  if [ -z "$(ls -A "$corpus")" ]; then
    find "${seeds[@]}" -type f -size -1000k 2>/dev/null | while read -r f; do
      cp "$f" "$corpus/seed-$(sha1sum "$f" | cut -c1-16)"; done
  fi
  # Real feeds run to 1 MB, but 8 KiB prefixes keep the structure and give ~100x the executions.
  maxlen=${NW_FUZZ_MAX_LEN:-8192}
  runs=()
  [ -n "${NW_FUZZ_RUNS:-}" ] && runs=(-runs="$NW_FUZZ_RUNS")
  echo "fuzz: $t: $(ls "$corpus" | wc -l) corpus inputs, up to ${SECONDS_PER_TARGET}s"
  SWIFT_BACKTRACE=enable=no NATOWATCH_TOPICS=$ROOT/Config/topics.yaml ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 \
    "$bin" "$corpus" -max_total_time="$SECONDS_PER_TARGET" "${runs[@]}" -max_len=$maxlen -rss_limit_mb=2048 \
      -timeout=10 -print_final_stats=1 -artifact_prefix="$WORK/artifacts-$t/" >"$WORK/$t.log" 2>&1
  rc=$?
  execs=$(grep -a 'stat::number_of_executed_units' "$WORK/$t.log" | awk '{print $2}')
  rate=$(grep -a 'stat::average_exec_per_sec' "$WORK/$t.log" | awk '{print $2}')
  cov=$(grep -aE '^#[0-9]+' "$WORK/$t.log" | tail -1 | grep -oE 'cov: [0-9]+ ft: [0-9]+')
  found=$(ls "$WORK/artifacts-$t" 2>/dev/null | wc -l)
  if [ "$found" -gt 0 ]; then
    mkdir -p "$CRASHES/$t"; cp "$WORK/artifacts-$t"/* "$CRASHES/$t/"
    grep -a -m3 -E 'ERROR|Fatal|SUMMARY' "$WORK/$t.log"
  fi
  echo "fuzz: $t: ${execs:-?} executions (${rate:-?}/s), ${cov:-no coverage line}, exit $rc, crash inputs $found"
  [ "$rc" -ne 0 ] || [ "$found" -gt 0 ] && status=1
done
exit $status
