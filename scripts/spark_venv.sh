#!/usr/bin/env bash
# Makes sure .venv-spark/ holds the pinned PySpark (pipelines/spark/requirements.txt); prints the
# venv's python. Used by `make spark` and scripts/spark_test.sh. Reinstalls when the pin changes.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${SPARK_VENV:-.venv-spark}
req=pipelines/spark/requirements.txt
stamp="$venv/.requirements"
if [ ! -x "$venv/bin/python" ] || ! cmp -s "$req" "$stamp"; then
  echo "spark: setting up $venv ($(grep -v '^#' "$req" | tr '\n' ' '))" >&2
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install -q --disable-pip-version-check -r "$req" >&2
  cp "$req" "$stamp"
fi
echo "$venv/bin/python"
