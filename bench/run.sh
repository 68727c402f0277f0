#!/usr/bin/env bash
# The benchmark of issue 8 (see BENCHMARKS.md). On generated corpora
# (examples/make_corpus.rs, through bench/corpus.sh) it times, in one run, on the same files:
#   tthtcd   — the full job: `tthtcd consolidate DIR -o OUT.xlsx --json OUT.json` on the
#              commune corpus; on the district and province corpora (one folder per
#              commune, each with its own plan form) `tthtcd district DIR -o OUT.xlsx
#              --json OUT.json`, each commune against its own plan (bench/each-commune.sh
#              times them as separate runs, for comparison by hand);
#   floor-1-thread  — examples/bench_floor.rs: calamine reads every cell of every sheet,
#              rust_xlsxwriter writes the rows, all on one thread (what any Rust tool
#              must at least do);
#   floor-all-cores — the same with the reading on every core and the writing on one
#              thread beside it (`--all-cores`): the real limit of the machine;
#   pandas-openpyxl, pandas-calamine, polars — bench/peers/*.py, the scripts a
#              district office would otherwise write (read_excel, concat, groupby, write).
# Each tool runs up to RUNS times (default 5; a tool stops repeating once one run takes
# over a minute), and the median wall time and peak memory are reported (peak: of the
# largest single process), with the
# ratios tthtcd/floor-1-thread, tthtcd/floor-all-cores and peer/tthtcd from the same run.
# Every tool but the floors prints or writes how many class rows it read; they must
# agree (tthtcd's rows read, before it drops repeats).
#
#   bash bench/run.sh [--runs N] [commune|district|province ...]  (default: all three)
#   bash bench/run.sh --smoke      commune size, one run each: what CI runs
#
# The Python peers need the packages in bench/peers/requirements.txt; without them
# they are listed as skipped. The table is also written to target/bench/results.md.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=5
sizes=()
smoke=false
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) smoke=true; runs=1 ;;
    --runs) runs="$2"; shift ;;
    commune|district|province) sizes+=("$1") ;;
    *) echo "unknown argument '$1'" >&2; exit 2 ;;
  esac
  shift
done
if [ ${#sizes[@]} -eq 0 ]; then
  if $smoke; then sizes=(commune); else sizes=(commune district province); fi
fi

cargo build --release --quiet --bin tthtcd --example make_corpus --example bench_floor
work=target/bench
mkdir -p "$work"
slow=60 # seconds: a tool slower than this runs once

have_python_peers=false
if python3 -c 'import pandas, polars, python_calamine, openpyxl, xlsxwriter, fastexcel' 2>/dev/null; then
  have_python_peers=true
fi

median() { sort -n | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]; else print "-"}'; }

# bench NAME COMMAND...: runs the command up to $runs times; prints
# "NAME runs median_s median_MB rows" where rows is what the command reported.
bench() {
  local name=$1; shift
  : > "$work/$name.times"
  local out="$work/$name.out" n=0
  while [ "$n" -lt "$runs" ]; do
    rm -rf "$work/out-$name.xlsx" "$work/out-$name.json" "$work/out-$name"
    local start=$EPOCHREALTIME
    if ! /usr/bin/time -f "%M" -o "$work/time" "$@" > "$out" 2> "$work/$name.err"; then
      echo "$name failed: $*" >&2; cat "$work/$name.err" >&2; exit 1
    fi
    local end=$EPOCHREALTIME
    # Wall time from bash's microsecond clock (GNU time rounds to 10 ms); memory from
    # GNU time (peak resident set).
    echo "$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f", b - a}') $(tail -1 "$work/time")" > "$work/time"
    cat "$work/time" >> "$work/$name.times"
    n=$((n + 1))
    awk -v s="$slow" '{exit !($1 > s)}' "$work/time" && break
  done
  local t m rows
  t=$(cut -d' ' -f1 "$work/$name.times" | median)
  m=$(cut -d' ' -f2 "$work/$name.times" | median)
  case "$name" in
    tthtcd) rows=$(tthtcd_rows) || exit 1 ;;
    floor*) rows="-" ;;
    *) rows=$(awk '{print $1; exit}' "$out") ;;
  esac
  echo "$name $n $t $((m / 1024)) $rows"
}

# The class rows tthtcd read: from its JSON — the district's adds up its communes' —
# or over the communes' JSONs (each-commune.sh). Stops if a commune found repeats or
# refused a row, or failed: the communes are consolidated apart and the corpus plants
# no fault, so any is a defect.
tthtcd_rows() {
  python3 - "$work/out-tthtcd.json" "$work/out-tthtcd" <<'PY'
import glob, json, os, sys
one, folder = sys.argv[1], sys.argv[2]
if os.path.exists(one):
    doc = json.load(open(one))
    if "communes" not in doc:
        print(doc["totals"]["rows_read"])
        sys.exit()
    # The district's JSON: each commune's own totals.
    read = 0
    for c in doc["communes"]:
        if "error" in c:
            sys.exit(f"{c['folder']}: {c['error']}")
        t = c["totals"]
        if t["duplicates"] or t["rows_accepted"] != t["rows_read"]:
            sys.exit(f"{c['folder']}: {t['duplicates']} repeats, {t['rows_accepted']} of {t['rows_read']} rows accepted")
        read += t["rows_read"]
    print(read)
    sys.exit()
read = 0
for path in sorted(glob.glob(os.path.join(folder, "*.json"))):
    t = json.load(open(path))["totals"]
    if t["duplicates"] or t["rows_accepted"] != t["rows_read"]:
        sys.exit(f"{path}: {t['duplicates']} repeats, {t['rows_accepted']} of {t['rows_read']} rows accepted")
    read += t["rows_read"]
print(read)
PY
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a != "-" && b != "-" && b > 0) printf "%.2f", a / b; else print "-" }'; }

results="$work/results.md"
{
  echo "| size | files | tool | runs | median s | peak MB | class rows | vs tthtcd |"
  echo "|---|---:|---|---:|---:|---:|---:|---:|"
} > "$results"
summary=""
for size in "${sizes[@]}"; do
  corpus=$(bash bench/corpus.sh "$size")
  # Reports only: the plan forms (ke-hoach.xlsx, one a commune) are read by tthtcd and
  # the floors, passed over by the peers.
  files=$(find "$corpus" -name '*.xlsx' ! -name 'ke-hoach*' | wc -l)
  lines=()
  if [ "$size" = commune ]; then
    lines+=("$(bench tthtcd target/release/tthtcd consolidate "$corpus" -o "$work/out-tthtcd.xlsx" --json "$work/out-tthtcd.json")")
  else
    # Each commune folder against its own plan, in one run. Exit 1 (a commune falls
    # short) is a finding, not a failure of the run.
    lines+=("$(bench tthtcd bash -c '"$@"; [ $? -le 1 ]' _ target/release/tthtcd district "$corpus" -o "$work/out-tthtcd.xlsx" --json "$work/out-tthtcd.json")")
  fi
  lines+=("$(bench floor-1-thread target/release/examples/bench_floor "$corpus" "$work/out-floor-1-thread.xlsx")")
  lines+=("$(bench floor-all-cores target/release/examples/bench_floor --all-cores "$corpus" "$work/out-floor-all-cores.xlsx")")
  if $have_python_peers; then
    lines+=("$(bench pandas-openpyxl python3 bench/peers/pandas_consolidate.py "$corpus" "$work/out-pandas-openpyxl.xlsx" --engine openpyxl)")
    lines+=("$(bench pandas-calamine python3 bench/peers/pandas_consolidate.py "$corpus" "$work/out-pandas-calamine.xlsx" --engine calamine)")
    lines+=("$(bench polars python3 bench/peers/polars_consolidate.py "$corpus" "$work/out-polars.xlsx")")
  else
    echo "pandas/polars peers skipped: pip install -r bench/peers/requirements.txt" >&2
  fi
  read -r _ _ tt _ trows <<< "${lines[0]}"
  for l in "${lines[@]}"; do
    read -r name n t mb rows <<< "$l"
    if [ "$name" != "tthtcd" ] && [ "$rows" != "-" ] && [ "$rows" != "$trows" ]; then
      echo "$name read $rows class rows, tthtcd $trows: not the same job" >&2
      exit 1
    fi
    echo "| $size | $files | $name | $n | $t | $mb | $rows | $(ratio "$t" "$tt") |" >> "$results"
  done
  read -r _ _ ft _ _ <<< "${lines[1]}"
  read -r _ _ at _ _ <<< "${lines[2]}"
  line="$size: tthtcd/floor-1-thread $(ratio "$tt" "$ft"), tthtcd/floor-all-cores $(ratio "$tt" "$at")"
  for l in "${lines[@]:3}"; do
    read -r name _ t _ _ <<< "$l"
    line="$line, $name/tthtcd $(ratio "$t" "$tt")"
  done
  summary="$summary$line"$'\n'
done
cat "$results"
echo
printf '%s' "$summary"
