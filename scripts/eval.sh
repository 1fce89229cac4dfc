#!/usr/bin/env bash
# make eval: run qawl over the inputs of each gold file and print detection and attribution figures.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${1:-../shared}
BIN=.build/release/qawl
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
run_and_score() {  # name gold inputs...
  local name=$1 gold=$2; shift 2
  "$BIN" run --out "$tmp/$name" "$@" >/dev/null 2>"$tmp/$name.log" || { cat "$tmp/$name.log"; exit 1; }
  echo "== $name ($(basename "$gold"))"
  "$BIN" eval --gold "$gold" --actors "$SHARED/gold/actors.json" --pred "$tmp/$name/statements.jsonl" --show 0
}
run_and_score seed "$SHARED/gold/seed.gold.jsonl" "$SHARED/seed/000_7c6445b88433139e.txt"
run_and_score ant-dev "$SHARED/gold/ant-dev.gold.jsonl" "$SHARED/corpus/ar/ant-dev.trec.xml.gz"
for gold in data/gold/*.gold.jsonl; do
  [ -e "$gold" ] || continue
  inputs=$(sed -n 's/^# inputs: //p' "${gold%.gold.jsonl}.inputs" 2>/dev/null || true)
  [ -n "$inputs" ] || continue
  run_and_score "$(basename "$gold" .gold.jsonl)" "$gold" $inputs
done
