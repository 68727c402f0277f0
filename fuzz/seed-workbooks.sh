#!/usr/bin/env bash
# Seeds fuzz/corpus/workbook with real workbooks, each prefixed by the byte that makes
# the target claim its format (0 xlsx, 1 xlsm, 2 xlsb, 3 xls, 4 ods), so the fuzzer
# starts from valid containers: samples/, the format fixtures and, when present, the
# project's shared hostile and real-world collections.
set -euo pipefail
cd "$(dirname "$0")/.."
out=fuzz/corpus/workbook
mkdir -p "$out"
n=0
while IFS= read -r -d '' f; do
  case "${f,,}" in
    *.xlsx) b='\x00' ;; *.xlsm) b='\x01' ;; *.xlsb) b='\x02' ;; *.xls) b='\x03' ;; *.ods) b='\x04' ;;
    *) continue ;;
  esac
  # Files over 1 MB slow every iteration; the fuzzer's mutations need small seeds.
  [ "$(stat -c %s "$f")" -le 1048576 ] || continue
  { printf "$b"; cat "$f"; } > "$out/seed-$n"
  n=$((n + 1))
done < <(find samples tests/fixtures ../shared/foreign-workbooks ../shared/real-world-workbooks \
           -type f -print0 2>/dev/null)
echo "seeded $n workbooks into $out"
