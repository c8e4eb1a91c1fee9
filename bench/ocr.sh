#!/usr/bin/env bash
# OCR throughput of `vanthu text` on scan pages against the tesseract CLI run one file at a time,
# and against bare libtesseract recognition (vanthu-bench raw), plus peak memory.
# Pages are rasterised at bench time into /tmp (never committed): the corpus scans when present,
# else letters rendered with pango-view.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/release/vanthu
BENCH=.build/release/vanthu-bench
WORK=${BENCH_DIR:-/tmp/vanthu-bench}
CORPUS=${CORPUS:-../shared/corpus}
[ -d "$CORPUS" ] || CORPUS=/work/shared/corpus
WORKERS=${WORKERS:-$(nproc --all)}
rm -rf "$WORK" && mkdir -p "$WORK/pages"
unset OMP_THREAD_LIMIT   # the tesseract CLI runs with its own default threading; vanthu sets its own

if [ -d "$CORPUS" ]; then
  for id in 038 040 043 046 054 060; do
    [ -f "$CORPUS/$id.pdf" ] && pdftoppm -r 300 -hide-annotations -png "$CORPUS/$id.pdf" "$WORK/pages/$id"
  done
fi
if [ -z "$(ls "$WORK/pages")" ]; then
  for i in 1 2 3 4 5 6; do
    pango-view --font="DejaVu Serif 11" --dpi=300 --margin=150 --background=white -q \
      -o "$WORK/pages/letter$i.png" --text "$(printf 'ỦY BAN NHÂN DÂN\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: %d/UBND-VP\n\nKính gửi: Sở Nội vụ\n\n%s' $i "$(yes 'Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh về việc báo cáo kết quả công tác năm 2025.' | head -40)")"
  done
fi
PAGES=("$WORK"/pages/*.png)
PAGES=("${PAGES[@]:0:${MAX_PAGES:-10}}")
N=${#PAGES[@]}
"$BENCH" tiff "$WORK/batch.tif" "${PAGES[@]}"
echo "pages: $N (in $WORK/batch.tif), workers: $WORKERS, cores: $(nproc --all)"

# 1. vanthu text on the batch (pages OCR'd in parallel), with peak memory.
/usr/bin/time -v -o "$WORK/vanthu.time" "$BIN" text --workers "$WORKERS" "$WORK/batch.tif" > "$WORK/vanthu.txt"
VANTHU_S=$(awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$WORK/vanthu.time")
VANTHU_KB=$(awk -F': ' '/Maximum resident/{print $2}' "$WORK/vanthu.time")

# 2. tesseract CLI, one file at a time (its own default threading).
START=$(date +%s%N)
for p in "${PAGES[@]}"; do tesseract "$p" - -l vie > /dev/null 2>&1; done
CLI_S=$(awk -v a="$START" -v b="$(date +%s%N)" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')

# 3. bare libtesseract recognition of the same pages, same workers, models preloaded.
RAW=$("$BENCH" raw "$WORKERS" "${PAGES[@]}")
RAW_S=${RAW#raw_seconds=}; RAW_S=${RAW_S%% *}

awk -v n="$N" -v v="$VANTHU_S" -v c="$CLI_S" -v r="$RAW_S" -v kb="$VANTHU_KB" 'BEGIN {
  printf "vanthu text:        %6.1f s  %5.2f pages/s  peak %d MB\n", v, n / v, kb / 1024
  printf "tesseract CLI:      %6.1f s  %5.2f pages/s  (one file at a time)\n", c, n / c
  printf "bare libtesseract:  %6.1f s  %5.2f pages/s  (recognition only)\n", r, n / r
  printf "speed-up over the CLI: %.2fx (target >= 1.8x on 2 cores)\n", c / v
  printf "overhead over bare recognition: %+.0f %% (target <= 10 %%)\n", (v / r - 1) * 100
}' | tee "$WORK/summary.txt"
