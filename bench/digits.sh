#!/usr/bin/env bash
# Cost of the second readings as a share of the page's own preparation and recognition, measured
# in the same run on every page of the corpus scans (else on rendered letters): the hand-written
# digit reader on the number and the day (run on first pages only by the pipeline; here on every
# page, so the share is an upper bound), against Tesseract (digits only) on the same crops, and
# the signature block read again where a page lost the signer's name, and the header's number-and-
# date row read again where the page's reading garbled it.
# Target: the second readings <= 10 % of the page time.
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH=.build/release/vanthu-bench
WORK=${BENCH_DIR:-/tmp/vanthu-bench}-digits
CORPUS=${CORPUS:-../shared/corpus}
[ -d "$CORPUS" ] || CORPUS=/work/shared/corpus
rm -rf "$WORK" && mkdir -p "$WORK"
for id in 038 040 043 046 054 060 052; do
  [ -f "$CORPUS/$id.pdf" ] && pdftoppm -r 300 -hide-annotations -png "$CORPUS/$id.pdf" "$WORK/$id"
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
sig = sum(r.get("signature_s", 0) for r in rows)
reread = sum(1 for r in rows if r.get("signature_reread"))
print(f"signature re-read:   {sig:6.3f} s  {sig / page:6.2%} of page time ({reread} of {len(rows)} pages gave a name)")
row = sum(r.get("header_row_s", 0) for r in rows)
rows_read = sum(1 for r in rows if r.get("header_row_reread"))
print(f"header row re-read:  {row:6.3f} s  {row / page:6.2%} of page time ({rows_read} of {len(rows)} pages kept it)")
print(f"second readings:     {(reader + sig + row) / page:6.2%} of page time (target <= 10 %)")
PY
