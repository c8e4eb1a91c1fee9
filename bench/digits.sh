#!/usr/bin/env bash
# Cost of the hand-written digit reader (the second readings of the number and the day) as a
# share of the page's own preparation and recognition, measured in the same run on the first
# pages of the corpus scans (else on rendered letters), against Tesseract (digits only) on the
# same crops. Target: the reader <= 10 % of the page time.
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH=.build/release/vanthu-bench
WORK=${BENCH_DIR:-/tmp/vanthu-bench}-digits
CORPUS=${CORPUS:-../shared/corpus}
[ -d "$CORPUS" ] || CORPUS=/work/shared/corpus
rm -rf "$WORK" && mkdir -p "$WORK"
for id in 038 040 043 046 054 060 052; do
  [ -f "$CORPUS/$id.pdf" ] && pdftoppm -r 300 -f 1 -l 1 -hide-annotations -png "$CORPUS/$id.pdf" "$WORK/$id"
done
if [ -z "$(ls "$WORK")" ]; then
  pango-view --font="DejaVu Serif 11" --dpi=300 --margin=150 --background=white -q -o "$WORK/letter.png" \
    --text "$(printf 'ỦY BAN NHÂN DÂN\nSố: 574/UBND-KTTH\t\tQuảng Ngãi, ngày 04 tháng 02 năm 2025\n\nKính gửi: Sở Nội vụ')"
fi
OMP_THREAD_LIMIT=1 "$BENCH" digits "$WORK"/*.png > "$WORK/readers.jsonl"
python3 - "$WORK/readers.jsonl" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
page = sum(r["page_s"] for r in rows)
reader = sum(r["reader_s"] for r in rows)
tess = sum(r["tesseract_s"] for r in rows)
print(f"pages: {len(rows)}, page preparation + recognition {page:.1f} s")
print(f"digit reader:        {reader:6.3f} s  {reader / page:6.2%} of page time (target <= 10 %)")
print(f"Tesseract on crops:  {tess:6.3f} s  {tess / page:6.2%} of page time")
PY
