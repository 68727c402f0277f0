#!/usr/bin/env bash
# Times the full job (consolidate with --json) of the current tree against an earlier
# commit on the same generated corpus, runs interleaved so that a busy machine slows
# both alike; prints each run and the medians. Used for the cost of the reading sandbox
# (issue 13, BENCHMARKS.md). On the district and province corpora (a folder per commune,
# each with its plan form) each commune is consolidated in turn (bench/each-commune.sh),
# so REV must read the plan form in a folder (from commit 1358a86 on).
#
#   bash bench/before-after.sh REV [district|commune|province] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:?usage: bench/before-after.sh REV [size] [runs]}
size=${2:-district}
runs=${3:-9}
cargo build --release --quiet --bin tthtcd --example make_corpus
corpus=$(bash bench/corpus.sh "$size")
before=target/bench/before
rm -rf "$before"
git worktree add --quiet --detach "$before" "$rev"
trap 'git worktree remove --force "$before"' EXIT
# The earlier tree builds into its own folder, starting from this tree's dependencies.
mkdir -p "$before/target" && cp -r target/release "$before/target/"
(cd "$before" && cargo build --release --quiet --bin tthtcd)
out=$(mktemp -d)
for _ in $(seq "$runs"); do
  for tool in "$before/target/release/tthtcd" target/release/tthtcd; do
    rm -rf "$out/o.xlsx" "$out/o.json" "$out/each"
    start=$(date +%s.%N)
    if [ "$size" = commune ]; then
      "$tool" consolidate "$corpus" -o "$out/o.xlsx" --json "$out/o.json" >/dev/null 2>&1
    else
      bash bench/each-commune.sh "$tool" "$corpus" "$out/each" 2>/dev/null
    fi
    end=$(date +%s.%N)
    name=after; [ "$tool" = target/release/tthtcd ] || name=before
    echo "$name $(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f", b - a}')"
  done
done | tee "$out/times"
for name in before after; do
  grep "^$name " "$out/times" | awk '{print $2}' | sort -n |
    awk -v n="$name" '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%s median %.3f s of %d runs\n", n, m, NR}'
done
