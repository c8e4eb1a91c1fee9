#!/usr/bin/env bash
# The register of 100 000 letters exported by the real CLI (`vanthu register`) as CSV and as an
# .xlsx workbook (libxlsxwriter), against `--json` of the same entries in the same run; and
# `deadlines --unit` on the same index against `deadlines --within 30` without a unit.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product vanthu >/dev/null
swift build -c release --product vanthu-store-bench >/dev/null
n="${LETTERS:-100000}"
dir="$(mktemp -d)"; trap 'rm -rf "$dir"' EXIT
db="$dir/bench.sqlite"
.build/release/vanthu-store-bench --letters "$n" --db "$db" --keep fixtures/s00*.txt > "$dir/store.log"
grep -E "^(index|assign)" "$dir/store.log"
export VANTHU_DB="$db" VANTHU_TODAY=2025-06-01
year=$(.build/release/vanthu register --json --from 1900-01-01 | tail -1 | sed -E 's/.*"arrival_date":"([0-9]{4}).*/\1/')
# Seconds of the fastest of three runs of a command (its output thrown away).
best() { local b=999999; for _ in 1 2 3; do local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null; t1=$(date +%s.%N)
  b=$(awk -v a="$t0" -v c="$t1" -v b="$b" 'BEGIN { t = c - a; print (t < b) ? t : b }'); done; echo "$b"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
json=$(best .build/release/vanthu register --year "$year" --json)
csv=$(best .build/release/vanthu register --year "$year" --csv)
xlsx=$(best .build/release/vanthu register --year "$year" --xlsx "$dir/register.xlsx")
entries=$(.build/release/vanthu register --year "$year" --json | wc -l)
printf 'register %s, %s entries: --json %.2f s (baseline), --csv %.2f s (%.2f×), --xlsx %.2f s (%.2f×, %s KiB)\n' \
  "$year" "$entries" "$json" "$csv" "$(ratio "$csv" "$json")" "$xlsx" "$(ratio "$xlsx" "$json")" \
  "$(( $(stat -c %s "$dir/register.xlsx") / 1024 ))"
all=$(best .build/release/vanthu deadlines --within 30 --json)
unit=$(best .build/release/vanthu deadlines --unit "Phòng 7" --json)
rows=$(.build/release/vanthu deadlines --unit "Phòng 7" --json | wc -l)
printf 'deadlines --unit (%s rows): %.3f s against deadlines --within 30: %.3f s (%.2f×)\n' \
  "$rows" "$unit" "$all" "$(ratio "$unit" "$all")"
