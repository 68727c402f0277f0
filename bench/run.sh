#!/usr/bin/env bash
# Benchmark: tthtcd consolidate against the floor (a minimal calamine + rust_xlsxwriter
# program, examples/bench_floor.rs) on generated corpora (examples/make_corpus.rs).
# Prints median wall time and peak memory of each and the ratio tthtcd / floor.
#   bash bench/run.sh [commune|district|province ...]   (default: commune district)
#   bash bench/run.sh --smoke                             (commune, one run: for CI)
# The pandas / polars peers of issue 8 are not here yet.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=5
sizes=("commune" "district")
if [ "${1:-}" = "--smoke" ]; then runs=1; sizes=("commune"); shift; fi
if [ $# -gt 0 ]; then sizes=("$@"); fi
cargo build --release --quiet --bin tthtcd --example make_corpus --example bench_floor
work=target/bench
mkdir -p "$work"

# One timed run: prints "seconds kilobytes".
timed() {
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
  cat "$work/time"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

printf '%-9s %7s %10s %10s %10s %10s %8s\n' size files tthtcd_s tthtcd_MB floor_s floor_MB ratio
for size in "${sizes[@]}"; do
  corpus="$work/corpus-$size"
  [ -d "$corpus" ] || target/release/examples/make_corpus "$size" "$corpus" >/dev/null
  files=$(find "$corpus" -name '*.xlsx' | wc -l)
  : > "$work/t.txt"; : > "$work/f.txt"
  for _ in $(seq "$runs"); do
    rm -f "$work/out.xlsx"
    timed target/release/tthtcd consolidate "$corpus" -o "$work/out.xlsx" >> "$work/t.txt"
    timed target/release/examples/bench_floor "$corpus" "$work/floor.xlsx" >> "$work/f.txt"
  done
  t=$(cut -d' ' -f1 "$work/t.txt" | median); tm=$(cut -d' ' -f2 "$work/t.txt" | median)
  f=$(cut -d' ' -f1 "$work/f.txt" | median); fm=$(cut -d' ' -f2 "$work/f.txt" | median)
  ratio=$(awk -v a="$t" -v b="$f" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')
  printf '%-9s %7s %10s %10s %10s %10s %8s\n' "$size" "$files" "$t" "$((tm / 1024))" "$f" "$((fm / 1024))" "$ratio"
done
