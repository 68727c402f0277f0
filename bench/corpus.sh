#!/usr/bin/env bash
# Makes sure target/bench/corpus-SIZE is what examples/make_corpus.rs writes today and
# prints its path. A corpus is written again when its generator changed since (a stamp
# beside the corpus holds the generator's hash), so an old corpus of another shape is
# never timed by mistake. Needs target/release/examples/make_corpus.
#
#   bash bench/corpus.sh commune|district|province
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:?usage: bench/corpus.sh commune|district|province}
corpus=target/bench/corpus-$size
stamp=target/bench/corpus-$size.stamp
hash=$(cat examples/make_corpus.rs examples/common/mod.rs | sha256sum | cut -d' ' -f1)
if [ ! -d "$corpus" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$hash" ]; then
  rm -rf "$corpus" "$stamp"
  mkdir -p target/bench
  target/release/examples/make_corpus "$size" "$corpus" >&2
  echo "$hash" > "$stamp"
fi
echo "$corpus"
