#!/usr/bin/env bash
# Runs the XCTest suite and the registry check; ends with one plain summary line.
set -uo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
swift test --skip-build --disable-swift-testing 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# "Executed 214 tests, with 0 failures" or "Executed 214 tests, with 4 tests skipped and 0 failures"
line=$(grep -E "Executed [0-9]+ tests?, with ([0-9]+ tests? skipped and )?[0-9]+ failures?" "$log" | tail -1)
total=$(echo "$line" | sed -E 's/.*Executed ([0-9]+) tests?.*/\1/')
failed=$(echo "$line" | sed -E 's/.*(with|and) ([0-9]+) failures?.*/\2/')
skipped=$(echo "$line" | grep -oE "[0-9]+ tests? skipped" | grep -oE "^[0-9]+" || echo 0)
rm -f "$log"
if [ -z "$line" ]; then echo "tests: no XCTest summary found"; exit 1; fi
echo "tests: $((total - failed - skipped)) passed, $failed failed, $skipped skipped"
exit $status
