#!/usr/bin/env bash
# make fuzz: builds the libFuzzer targets of Fuzz/ (a separate package, so plain builds never see
# -sanitize=fuzzer) with AddressSanitizer and runs each for a bounded time.
#
#   FUZZ_SECONDS=60 (per target)   FUZZ_TARGETS="gzip warc tar sgml jsonl feed html"
#   FUZZ_OUT=out/fuzz              crashes/timeouts/OOMs → $FUZZ_OUT/crashes/<target>/
#
# The growing corpus is kept in $FUZZ_OUT/corpus/<target>/ (seeds: scripts/fuzz_seeds.py). To replay
# a crash: QAWL_FUZZ_TARGET=<target> .build-fuzz/debug/QawlFuzz <crash-file>
set -uo pipefail
cd "$(dirname "$0")/.."
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
FUZZ_TARGETS=${FUZZ_TARGETS:-"gzip warc tar sgml jsonl feed html"}
FUZZ_OUT=${FUZZ_OUT:-out/fuzz}
SWIFT=${SWIFT:-swift}

$SWIFT build --package-path Fuzz --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address || exit 2
BIN=.build-fuzz/debug/QawlFuzz
python3 scripts/fuzz_seeds.py "$FUZZ_OUT/seeds" >/dev/null || exit 2

export QAWL_DATA="$PWD/data"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
export SWIFT_BACKTRACE=${SWIFT_BACKTRACE:-enable=no}
failed=()
for target in $FUZZ_TARGETS; do
  mkdir -p "$FUZZ_OUT/corpus/$target" "$FUZZ_OUT/crashes/$target"
  log="$FUZZ_OUT/$target.log"
  QAWL_FUZZ_TARGET=$target "$BIN" -max_total_time="$FUZZ_SECONDS" -timeout=25 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$FUZZ_OUT/crashes/$target/" \
    "$FUZZ_OUT/corpus/$target" "$FUZZ_OUT/seeds/$target" >"$log" 2>&1
  status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
  if [ $status -ne 0 ]; then
    failed+=("$target")
    echo "fuzz $target: FAILED (status $status) after ${runs:-?} runs; see $log and $FUZZ_OUT/crashes/$target/"
    grep -m3 -E 'ERROR: |SUMMARY: |Fatal error|deadly signal|timeout' "$log" | sed 's/^/    /'
  else
    echo "fuzz $target: ${runs:-?} runs in ${secs:-?} s, ${cov:-cov: ?}, corpus $(ls "$FUZZ_OUT/corpus/$target" | wc -l) inputs"
  fi
done
[ ${#failed[@]} -eq 0 ] || { echo "fuzz: failures in ${failed[*]}"; exit 1; }
