#!/usr/bin/env bash
# make bench: qawl's throughput, scaling and peak memory next to the reference commands, on the same
# files, in the same run; prints one table and the goals of issue #8 with their measured values.
# Never part of make test.
#
#   scripts/bench.sh [SHARED]        REPEAT=3 (best of N), BIG_REPEAT=1 (the 16x inputs)
#
# Scaling (`--jobs 2` over `--jobs 1` on one core) is the median of interleaved pairs, with how much
# the two cores slowed each other down in them (the workers' CPU time; the libxml2 reference).
#
# References, each measured here: `gzip -dc`; libxml2's HTML parser alone (scripts/bench/html_parse.c,
# tree parse of the same pages); the Python peer (scripts/bench/peer.py: FastWARC + Resiliparse or
# trafilatura + regular expressions, pinned in scripts/bench/requirements.txt, installed into
# .venv-bench/). Generated inputs (scripts/bench/make_inputs.py) are kept in out/bench-inputs/.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${1:-../shared}
BIN=.build/release/qawl
REPEAT=${REPEAT:-3}
BIG_REPEAT=${BIG_REPEAT:-1}
INPUTS=${BENCH_INPUTS:-out/bench-inputs}
ANT="$SHARED/corpus/ar/ant-multisource-v2.1.trec.xml.gz"
WARC="$SHARED/corpus/en/news-pages.warc.gz"
for f in "$ANT" "$WARC"; do [ -e "$f" ] || { echo "bench: missing $f" >&2; exit 1; }; done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# --- set-up: the Python peer's venv, the libxml2 reference, the generated inputs -----------------
venv=.venv-bench
req=scripts/bench/requirements.txt
if [ ! -x "$venv/bin/python" ] || ! cmp -s "$req" "$venv/.requirements"; then
  echo "bench: setting up $venv ($(grep -v '^#' "$req" | tr '\n' ' '))" >&2
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install -q --disable-pip-version-check -r "$req" >&2
  cp "$req" "$venv/.requirements"
fi
PY="$venv/bin/python"
gcc -O2 -o "$tmp/html_parse" scripts/bench/html_parse.c $(pkg-config --cflags --libs libxml-2.0)
echo "bench: preparing inputs in $INPUTS" >&2
python3 scripts/bench/make_inputs.py "$ANT" "$WARC" "$INPUTS"

# One core means one core: `--jobs 1` still runs the reader and the in-order consumer beside its one
# worker, so the one-core rows (and the Python peer, for the same footing) are pinned to CPU 0 with
# taskset; "--jobs 2" rows use both cores. Scaling is two cores over one.
ONE_CORE=(taskset -c 0)
command -v taskset >/dev/null || { echo "bench: taskset (util-linux) missing: one-core rows run unpinned" >&2; ONE_CORE=(); }
pin() { if [ "$1" = 1 ]; then echo "${ONE_CORE[@]}"; fi; }   # the command prefix for --jobs $1
label() { if [ "$1" = 1 ] && [ ${#ONE_CORE[@]} -gt 0 ]; then echo "--jobs 1, one core"; else echo "--jobs $1"; fi; }

# --- measuring -----------------------------------------------------------------------------------
# best wall time of N runs and the peak RSS (KB) of that run: "seconds rss". An argument @OUT@ becomes
# a new, empty output directory for every run (the best run's is left in $tmp/best.dir). Nothing is
# deleted until the end: on ext4 without a journal (these machines), inodes freed in the last
# 60–300 s are skipped one by one when files are created, so deleting an output of 35,000
# timelines and writing the next one at once would time the file system's penalty, not qawl.
measure() {
  local n=$1; shift
  local best="" rss=0
  for _ in $(seq "$n"); do
    local dir; dir=$(mktemp -d -p "$tmp" run.XXXXXX)
    local args=("${@/@OUT@/$dir}")
    /usr/bin/time -f "%e %M" -o "$tmp/time" "${args[@]}" >"$tmp/out" 2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
    read -r s m < "$tmp/time"
    if [ -z "$best" ] || awk "BEGIN{exit !($s < $best)}"; then best=$s; rss=$m; cp "$tmp/out" "$tmp/best.out"; echo "$dir" > "$tmp/best.dir"; fi
  done
  echo "$best $rss"
}
best_dir() { cat "$tmp/best.dir"; }

# How much longer the same work takes on a core while the other core is busy too: the libxml2
# reference (CPU-bound, like a worker) alone on CPU 0, then two copies at once on CPUs 0 and 1;
# prints the pair's mean time over the lone run's. On these virtual machines the two cores slow
# each other down (shared cache and memory, the host), by 0 to 40 % from one minute to the next.
machine_growth() {
  local alone a b
  if [ ${#ONE_CORE[@]} = 0 ]; then echo "n/a"; return; fi
  read -r _ _ alone < <(taskset -c 0 "$tmp/html_parse" "$INPUTS/news.html.bin" 2>/dev/null)
  taskset -c 0 "$tmp/html_parse" "$INPUTS/news.html.bin" > "$tmp/pair.a" 2>/dev/null &
  taskset -c 1 "$tmp/html_parse" "$INPUTS/news.html.bin" > "$tmp/pair.b" 2>/dev/null
  wait
  read -r _ _ a < "$tmp/pair.a"; read -r _ _ b < "$tmp/pair.b"
  awk -v s="$alone" -v a="$a" -v b="$b" 'BEGIN{printf "%.2f", (a + b) / 2 / s}'
}
median() { printf '%s\n' "$@" | sort -g | awk '$1 != "n/a" {v[++n]=$1} END {print n == 0 ? "n/a" : (n % 2) ? v[(n+1)/2] : (v[n/2] + v[n/2+1]) / 2}'; }

# Scaling, measured in interleaved pairs: N times `--jobs 1` on one core, then `--jobs 2`, then the
# machine's growth (above). The two runs of a pair are seconds apart, so the drift of the machine's
# speed falls on both alike; the goal is the median ratio. Beside it: how much more CPU time the
# workers took for the same documents in the `--jobs 2` run (parse + extract, their threads' CPU
# time from report.json), the part of the shortfall that is the cores slowing each other rather than
# a core left idle. Sets PAIR_S[1|2], PAIR_RSS[1|2], PAIR_DIR[1|2] (best run of each), PAIR_RATIO
# (median) and PAIR_RATIOS, PAIR_GROWTH(S) and PAIR_MACHINE(S) likewise.
declare -A PAIR_S PAIR_RSS PAIR_DIR
scaling_pairs() {  # N INPUT
  local n=$1 input=$2 ratios=() machines=() growths=()
  PAIR_S=(); PAIR_RSS=(); PAIR_DIR=()
  for _ in $(seq "$n"); do
    local j s rss one cpu_one cpu
    for j in 1 2; do
      read -r s rss < <(measure 1 $(pin $j) "$BIN" run --full --jobs $j --out @OUT@ "$input")
      if [ -z "${PAIR_S[$j]:-}" ] || awk "BEGIN{exit !($s < ${PAIR_S[$j]})}"; then
        PAIR_S[$j]=$s; PAIR_RSS[$j]=$rss; PAIR_DIR[$j]=$(best_dir)
      fi
      cpu=$(worker_cpu "$(best_dir)")
      if [ $j = 1 ]; then one=$s; cpu_one=$cpu; fi
    done
    ratios+=("$(ratio "$one" "$s")")
    growths+=("$(ratio "$cpu" "$cpu_one")")
    machines+=("$(machine_growth)")
  done
  PAIR_RATIOS="${ratios[*]}"; PAIR_RATIO=$(median "${ratios[@]}")
  PAIR_MACHINES="${machines[*]}"; PAIR_MACHINE=$(median "${machines[@]}")
  PAIR_GROWTHS="${growths[*]}"; PAIR_GROWTH=$(median "${growths[@]}")
}
worker_cpu() { python3 -c "import json,sys;s=json.load(open(sys.argv[1]))['stages'];print(s.get('parse',0)+s.get('extract',0))" "$1/report.json"; }
pairs_line() { echo "$1: speed-ups ${PAIR_RATIOS} (median ${PAIR_RATIO}); workers' CPU time, --jobs 2 over --jobs 1: ${PAIR_GROWTHS} (median ${PAIR_GROWTH}); libxml2 reference, two at once over one: ${PAIR_MACHINES} (median ${PAIR_MACHINE})"; }
raw_bytes() { gzip -dc "$1" | wc -c; }
docs_of() { python3 -c "import json,sys;print(json.load(open(sys.argv[1]))['documents']['read'])" "$1/report.json"; }
stage() { python3 -c "import json,sys;print(json.load(open(sys.argv[1]))['stages'].get(sys.argv[2],0))" "$1/report.json" "$2"; }
# row LABEL INPUT SECONDS BYTES DOCS RSS_KB COMPARISON
row() {
  awk -v l="$1" -v i="$2" -v s="$3" -v b="$4" -v d="$5" -v r="$6" -v c="$7" 'BEGIN{
    if (s < 0.001) s = 0.001;
    printf "| %s | %s | %.2f | %.1f | %s | %s | %.0f |\n", l, i, s, b/1e6/s, (d > 0 ? sprintf("%.0f", d/s) : "–"), c, r/1024 }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; }
declare -A G   # goal name → measured value

echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -m), load before the run $(cut -d' ' -f1 /proc/loadavg); qawl $($BIN --version); $(xml2-config --version 2>/dev/null | sed 's/^/libxml2 /'); best of $REPEAT"
echo
echo "| run | input | seconds | MB/s | docs/s | compared with | peak RSS MB |"
echo "| --- | --- | ---: | ---: | ---: | --- | ---: |"

# --- text dump: ANT (SGML/TREC, 31,525 articles) ------------------------------------------------
ant_raw=$(raw_bytes "$ANT")
read -r g_ant g_rss < <(measure "$REPEAT" gzip -dc "$ANT")
row "gzip -dc" "ant" "$g_ant" "$ant_raw" 0 "$g_rss" "1.00× gzip -dc"
for j in 1 2; do
  read -r s rss < <(measure "$REPEAT" $(pin $j) "$BIN" run --full --no-extract --jobs $j --out @OUT@ "$ANT")
  row "qawl read+inflate+parse $(label $j)" "ant" "$s" "$ant_raw" "$(docs_of "$(best_dir)")" "$rss" "$(ratio "$s" "$g_ant")× gzip -dc"
done
declare -A ANT_S ANT_RSS ANT_DIR SCALING
scaling_pairs "$REPEAT" "$ANT"
for j in 1 2; do
  ANT_S[$j]=${PAIR_S[$j]}; ANT_RSS[$j]=${PAIR_RSS[$j]}; ANT_DIR[$j]=${PAIR_DIR[$j]}
  row "**qawl full pipeline $(label $j)**" "ant" "${ANT_S[$j]}" "$ant_raw" "$(docs_of "${ANT_DIR[$j]}")" "${ANT_RSS[$j]}" "$(ratio "${ANT_S[$j]}" "$g_ant")× gzip -dc"
done
G[text]=$(ratio "${ANT_S[2]}" "$g_ant")
G[ant_jobs]=$PAIR_RATIO; G[ant_machine]=$PAIR_MACHINE; G[ant_growth]=$PAIR_GROWTH
SCALING[ant]=$(pairs_line ant)

# --- web dump: WARC of HTML pages ------------------------------------------------------------------
warc_raw=$(raw_bytes "$WARC")
read -r g_warc g_rss < <(measure "$REPEAT" gzip -dc "$WARC")
row "gzip -dc" "warc" "$g_warc" "$warc_raw" 0 "$g_rss" "1.00× gzip -dc"
best=""
for _ in $(seq "$REPEAT"); do
  read -r pages payload secs < <("$tmp/html_parse" "$INPUTS/news.html.bin" 2>/dev/null)
  if [ -z "$best" ] || awk "BEGIN{exit !($secs < $best)}"; then best=$secs; fi
done
x_mbs=$(awk -v b="$payload" -v s="$best" 'BEGIN{printf "%.2f", b/1e6/s}')
row "libxml2 htmlReadMemory, parse only (in memory)" "warc pages" "$best" "$payload" "$pages" 0 "reference"
read -r s rss < <(measure "$REPEAT" "${ONE_CORE[@]}" "$PY" scripts/bench/peer.py resiliparse "$WARC")
peer_mbs=$(awk -v b="$warc_raw" -v s="$s" 'BEGIN{printf "%.2f", b/1e6/s}')
row "Python: FastWARC + Resiliparse + regex" "warc" "$s" "$warc_raw" "$pages" "$rss" "$(ratio "$s" "$g_warc")× gzip -dc"
read -r s rss < <(measure 1 "${ONE_CORE[@]}" "$PY" scripts/bench/peer.py trafilatura "$WARC")
row "Python: FastWARC + trafilatura (fast) + regex" "warc" "$s" "$warc_raw" "$pages" "$rss" "$(ratio "$s" "$g_warc")× gzip -dc"
read -r s rss < <(measure "$REPEAT" "${ONE_CORE[@]}" "$BIN" run --full --no-extract --jobs 1 --out @OUT@ "$WARC")
row "qawl read+inflate+parse $(label 1)" "warc" "$s" "$warc_raw" "$(docs_of "$(best_dir)")" "$rss" "$(ratio "$s" "$g_warc")× gzip -dc"
declare -A WARC_S WARC_DIR
scaling_pairs $((2 * REPEAT - 1)) "$WARC"
for j in 1 2; do
  s=${PAIR_S[$j]}; rss=${PAIR_RSS[$j]}
  WARC_S[$j]=$s; WARC_DIR[$j]=${PAIR_DIR[$j]}
  mbs=$(awk -v b="$warc_raw" -v s="$s" 'BEGIN{printf "%.2f", b/1e6/s}')
  row "**qawl full pipeline $(label $j)**" "warc" "$s" "$warc_raw" "$(docs_of "${WARC_DIR[$j]}")" "$rss" \
      "$(ratio "$mbs" "$x_mbs") of libxml2, $(ratio "$mbs" "$peer_mbs")× peer"
  if [ $j = 1 ]; then G[web_libxml2]=$(ratio "$mbs" "$x_mbs"); G[web_peer]=$(ratio "$mbs" "$peer_mbs"); fi
done
G[warc_jobs]=$PAIR_RATIO; G[warc_machine]=$PAIR_MACHINE; G[warc_growth]=$PAIR_GROWTH
SCALING[warc]=$(pairs_line warc)

# --- size: cost per MB at 1x, 4x, 16x (default --jobs) --------------------------------------------
max_rss=0
note_rss() { [ "$1" -gt "$max_rss" ] && max_rss=$1 || true; }
note_rss "${ANT_RSS[2]}"
declare -A SIZE_S   # NAME_K → best seconds at default --jobs
size_rows() {  # NAME FILE_1x FILE_4x FILE_16x
  local name=$1 base_cost=""
  shift
  local k=1
  for f in "$@"; do
    local n=$REPEAT; [ $k = 16 ] && n=$BIG_REPEAT
    local raw; raw=$(raw_bytes "$f")
    read -r s rss < <(measure "$n" "$BIN" run --full --out @OUT@ "$f")
    note_rss "$rss"
    local cost; cost=$(awk -v s="$s" -v b="$raw" 'BEGIN{printf "%.4f", s/(b/1e6)}')
    [ -z "$base_cost" ] && base_cost=$cost
    row "qawl full pipeline, ${k}× (default --jobs)" "$name" "$s" "$raw" "$(docs_of "$(best_dir)")" "$rss" \
        "$(ratio "$cost" "$base_cost")× the 1× cost per MB"
    G[${name}_linear_$k]=$(ratio "$cost" "$base_cost")
    SIZE_S[${name}_$k]=$s
    k=$((k * 4))
  done
}
size_rows ant "$INPUTS/ant-1x.trec.xml.gz" "$INPUTS/ant-4x.trec.xml.gz" "$ANT"
size_rows warc "$WARC" "$INPUTS/news-4x.warc.gz" "$INPUTS/news-16x.warc.gz"
# Scaling again on the 4× WARC: the shared WARC's whole run is a third of a second on two cores,
# of which process start, set-up and the last writes (about 40 ms) cannot be shared by two cores;
# a nightly dump is hundreds of times larger.
scaling_pairs "$REPEAT" "$INPUTS/news-4x.warc.gz"
for j in 1 2; do
  row "qawl full pipeline, 4× $(label $j)" "warc" "${PAIR_S[$j]}" "$(raw_bytes "$INPUTS/news-4x.warc.gz")" "$(docs_of "${PAIR_DIR[$j]}")" "${PAIR_RSS[$j]}" \
      "$(ratio "${PAIR_S[$j]}" "${SIZE_S[warc_4]}")× the 4× run with default --jobs"
done
G[warc4_jobs]=$PAIR_RATIO; G[warc4_machine]=$PAIR_MACHINE; G[warc4_growth]=$PAIR_GROWTH
SCALING[warc4]=$(pairs_line "warc 4×")

# --- registry lookup: extraction time with the registry and with an empty one ---------------------
# Side by side in one process (`qawl actors cost`): every document of ANT 4× is extracted by both,
# one after the other in alternating order, so this machine's drifting speed (which moves separate
# runs by more than the share) falls on both alike. The median of REPEAT runs.
mkdir -p "$tmp/no-actors"   # the empty registry of the instruction count below
shares=(); cost_line=""
for _ in $(seq "$REPEAT"); do
  out=$("$BIN" actors cost --jobs 1 "$INPUTS/ant-4x.trec.xml.gz" 2>/dev/null)
  shares+=("$(awk '/^registry share/ {print $NF}' <<<"$out")")
  cost_line=$(awk '/^with the registry/ {w=$0} /^with an empty/ {e=$0} END {sub(/^with the registry \([^)]*\)\)?: /, "", w); sub(/^with an empty registry: /, "", e); print w " with the registry, " e " with an empty one"}' <<<"$out")
done
G[registry]=$(printf '%s\n' "${shares[@]}" | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}')
echo
echo "registry lookup, side by side (qawl actors cost, ant 4×, $(ls data/actors/*.yaml | wc -l) registry files): shares ${shares[*]}, median ${G[registry]}; last run: ${cost_line}"
# The same by instruction count, which does not move with the machine's speed (these virtual
# machines' speed moves by more than the share, and they have no hardware counters for `perf stat`):
# callgrind counts only inside the extractor's entry point (`--toggle-collect`), on ANT 1×. valgrind
# cannot read the release binary's debug information, so a copy without it (symbols kept) is run.
G[registry_ir]="n/a"
if command -v valgrind >/dev/null; then
  cp "$BIN" "$tmp/qawl-nodebug" && strip -g "$tmp/qawl-nodebug"
  entry=$(nm "$tmp/qawl-nodebug" | awk '!e && $3 ~ /^\$s4Qawl14LanguageRouterV7extract4from.*_tF$/ {e = $3} END {print e}')
  extract_ir() {  # ARGS… → instructions inside the extractor
    local out; out=$(mktemp -p "$tmp" cg.XXXXXX)
    valgrind --tool=callgrind --callgrind-out-file="$out" --toggle-collect="$entry" \
      "$tmp/qawl-nodebug" run --full --jobs 1 --data data --registry-cache off --out "$(mktemp -d -p "$tmp" cgrun.XXXXXX)" "$@" >/dev/null 2>&1
    awk '/^totals:/ {print $2}' "$out"
  }
  if [ -n "$entry" ]; then
    ir_with=$(extract_ir "$INPUTS/ant-1x.trec.xml.gz")
    ir_without=$(extract_ir --actors "$tmp/no-actors" "$INPUTS/ant-1x.trec.xml.gz")
    if [ -n "$ir_with" ] && [ -n "$ir_without" ]; then
      G[registry_ir]=$(awk -v a="$ir_with" -v b="$ir_without" 'BEGIN{printf "%.3f", (a-b)/a}')
      echo "registry lookup by instruction count (callgrind, ant 1×, --jobs 1): extraction $(awk -v a="$ir_with" 'BEGIN{printf "%.3f", a/1e9}') G instructions with the registry, $(awk -v b="$ir_without" 'BEGIN{printf "%.3f", b/1e9}') G with an empty one: share ${G[registry_ir]}"
    fi
  fi
fi
python3 - "${ANT_DIR[2]}/report.json" "${WARC_DIR[1]}/report.json" <<'PY'
import json, sys
for label, path in (("ant --jobs 2", sys.argv[1]), ("warc --jobs 1", sys.argv[2])):
    st = json.load(open(path))["stages"]
    print(f"stage seconds ({label}, summed over threads): " + ", ".join(f"{k} {v:.2f}" for k, v in st.items()))
PY

echo "scaling, interleaved pairs (--jobs 1 on one core over --jobs 2):"
for k in ant warc warc4; do echo "- ${SCALING[$k]}"; done

# --- the goals of issue #8 -------------------------------------------------------------------------
echo
echo "| goal | target | measured | |"
echo "| --- | --- | --- | --- |"
goal() {  # NAME TARGET VALUE OP LIMIT [NOTE]
  local ok; ok=$(awk -v v="$3" -v l="$5" -v op="$4" 'BEGIN{print ((op=="<=" && v<=l) || (op==">=" && v>=l)) ? "met" : "NOT met"}')
  echo "| $1 | $2 | $3${6:+ ($6)} | $ok |"
}
goal "text dump: full pipeline --jobs 2 / gzip -dc" "≤ 3" "${G[text]}" "<=" 3
goal "web dump: one core, share of libxml2 parse-only MB/s" "≥ 0.75" "${G[web_libxml2]}" ">=" 0.75
goal "web dump: one core, × FastWARC+Resiliparse peer" "≥ 1.5" "${G[web_peer]}" ">=" 1.5
goal "--jobs 2 (two cores) speed-up over one core, ant" "≥ 1.8" "${G[ant_jobs]}" ">=" 1.8 "workers' CPU ×${G[ant_growth]}, libxml2 reference ×${G[ant_machine]}"
goal "--jobs 2 (two cores) speed-up over one core, warc" "≥ 1.8" "${G[warc_jobs]}" ">=" 1.8 "workers' CPU ×${G[warc_growth]}, libxml2 reference ×${G[warc_machine]}"
[ "$(nproc)" = 2 ] && goal "--jobs 2 (two cores) speed-up over one core, warc 4×" "≥ 1.8" "${G[warc4_jobs]}" ">=" 1.8 "workers' CPU ×${G[warc4_growth]}, libxml2 reference ×${G[warc4_machine]}"
goal "cost per MB at 16× / 1×, ant" "≤ 1.2" "${G[ant_linear_16]}" "<=" 1.2
goal "cost per MB at 16× / 1×, warc" "≤ 1.2" "${G[warc_linear_16]}" "<=" 1.2
goal "peak RSS, every size, default --jobs (MB)" "< 200" "$((max_rss / 1024))" "<=" 199
goal "registry lookup share of extraction (CPU time, side by side)" "< 0.10" "${G[registry]}" "<=" 0.0999
goal "registry lookup share of extraction (instructions)" "< 0.10" "${G[registry_ir]}" "<=" 0.0999
