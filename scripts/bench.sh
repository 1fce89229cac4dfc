#!/usr/bin/env bash
# make bench: throughput and peak memory of qawl next to the reference commands, on the same files,
# in the same run. Prints one table. Never part of make test.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${1:-../shared}
BIN=.build/release/qawl
REPEAT=${REPEAT:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ANT="$SHARED/corpus/ar/ant-multisource-v2.1.trec.xml.gz"
WARC="$SHARED/corpus/en/news-pages.warc.gz"

# best wall time of REPEAT runs, and the peak RSS (KB) of the best run: "seconds rss"
measure() {
  local best="" rss=0
  for _ in $(seq "$REPEAT"); do
    /usr/bin/time -f "%e %M" -o "$tmp/time" "$@" >/dev/null 2>"$tmp/err" || { cat "$tmp/err" >&2; true; }
    read -r s m < "$tmp/time"
    if [ -z "$best" ] || awk "BEGIN{exit !($s < $best)}"; then best=$s; rss=$m; fi
  done
  echo "$best $rss"
}

row() {  # label file seconds rss docs ref_seconds
  local label=$1 file=$2 s=$3 rss=$4 docs=$5 ref=$6
  local c u
  c=$(stat -c %s "$file")
  u=$(gzip -dc "$file" | wc -c)
  awk -v l="$label" -v s="$s" -v c="$c" -v u="$u" -v r="$rss" -v d="$docs" -v ref="$ref" 'BEGIN{
    if (s < 0.001) s = 0.001;
    printf "| %-44s | %7.2f | %8.1f | %8.1f | %8.0f | %6.2f | %6.0f |\n", l, s, c/1e6/s, u/1e6/s, d/s, s/ref, r/1024 }'
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -m); qawl $($BIN --version)"
echo
echo "| run | seconds | MB/s gz | MB/s raw | docs/s | × gzip -dc | RSS MB |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
for f in "$ANT" "$WARC"; do
  [ -e "$f" ] || continue
  name=$(basename "$f")
  read -r g grss < <(measure gzip -dc "$f")
  row "gzip -dc $name" "$f" "$g" "$grss" 0 "$g"
  docs=$("$BIN" run --full --no-extract --out "$tmp/o" "$f" 2>/dev/null; python3 -c "import json;print(json.load(open('$tmp/o/report.json'))['documents']['read'])")
  for j in 1 2; do
    read -r s rss < <(measure "$BIN" run --full --no-extract --jobs $j --out "$tmp/o" "$f")
    row "read+decompress+parse --jobs $j $name" "$f" "$s" "$rss" "$docs" "$g"
    read -r s rss < <(measure "$BIN" run --full --jobs $j --out "$tmp/o" "$f")
    row "full pipeline --jobs $j $name" "$f" "$s" "$rss" "$docs" "$g"
  done
  python3 - "$tmp/o/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
st = r["stages"]; busy = sum(st.values()) or 1
print("  stage seconds (--jobs 2, summed over threads): " + ", ".join(f"{k} {v:.2f}" for k, v in st.items())
      + f"; extract share of parse+extract: {st.get('extract',0)/max(st.get('parse',0)+st.get('extract',0),1e-9):.1%}")
PY
done
