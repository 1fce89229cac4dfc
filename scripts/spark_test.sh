#!/usr/bin/env bash
# The Spark driver (pipelines/spark/qawl_spark.py) in local mode against a single-machine qawl run:
# Tests/spark/test_spark.py. Skipped only when Java is missing; ends with `spark: N passed, M failed`.
set -uo pipefail
cd "$(dirname "$0")/.."
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
if ! command -v "$java" >/dev/null 2>&1; then
  echo "spark: skipped: Java not found (Spark 4 needs Java 17+; apt-get install -y openjdk-17-jre-headless)"
  exit 0
fi
major=$("$java" -version 2>&1 | sed -nE '1s/.*version "([0-9]+).*/\1/p')
if [ -z "$major" ] || [ "$major" -lt 17 ]; then
  echo "spark: 0 passed, 1 failed (Java ${major:-?} found, Spark 4 needs 17+)"; exit 1
fi
py=$(bash scripts/spark_venv.sh) || { echo "spark: 0 passed, 1 failed (could not install PySpark)"; exit 1; }
# The debug binary `make test` has just built is enough: the outputs do not depend on the build mode.
swift build --product qawl >/dev/null || { echo "spark: 0 passed, 1 failed (swift build failed)"; exit 1; }
export QAWL_BIN=${QAWL_BIN:-$(swift build --show-bin-path)/qawl}
"$py" Tests/spark/test_spark.py 2>&1 | grep -vE "^(WARNING|Using Spark's default log4j|Setting default log level|To adjust logging level)|NativeCodeLoader|ResourceWarning|self._sock = None|^\s*$"
exit "${PIPESTATUS[0]}"
