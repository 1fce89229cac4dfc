#!/usr/bin/env bash
# Runs the XCTest suite and the registry check; ends with one plain summary line.
set -uo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
swift test --skip-build --disable-swift-testing 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
line=$(grep -E "Executed [0-9]+ tests?, with [0-9]+ failures?" "$log" | tail -1)
total=$(echo "$line" | sed -E 's/.*Executed ([0-9]+) tests?.*/\1/')
failed=$(echo "$line" | sed -E 's/.*with ([0-9]+) failures?.*/\1/')
rm -f "$log"
if [ -z "$line" ]; then echo "tests: no XCTest summary found"; exit 1; fi
echo "tests: $((total - failed)) passed, $failed failed"
exit $status
