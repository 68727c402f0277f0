#!/usr/bin/env bash
# Until `tthtcd district` exists (issue 16): consolidates each commune folder of a
# district or province corpus on its own, one after the other, each against the plan
# form in its folder (ke-hoach.xlsx): `tthtcd consolidate COMMUNE -o OUT/COMMUNE.xlsx
# --json OUT/COMMUNE.json`. In sequence, not in parallel: each run already reads on
# every core, and a sequence is what a district office would do by hand. Stops at the
# first commune that fails.
#
#   bash bench/each-commune.sh TTHTCD CORPUS OUT
set -euo pipefail
tthtcd=${1:?usage: bench/each-commune.sh TTHTCD CORPUS OUT}
corpus=${2:?usage: bench/each-commune.sh TTHTCD CORPUS OUT}
out=${3:?usage: bench/each-commune.sh TTHTCD CORPUS OUT}
mkdir -p "$out"
for commune in "$corpus"/*/; do
  name=$(basename "$commune")
  "$tthtcd" consolidate "$commune" -o "$out/$name.xlsx" --json "$out/$name.json" >/dev/null
done
