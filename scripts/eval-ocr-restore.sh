#!/usr/bin/env bash
# Scans OCR'd with `tesseract -l eng` (no Vietnamese, as seed s001 was), restored, against the
# `vie` OCR of the same pages: character error rates of the raw eng OCR and of the restored text,
# both against the vie OCR (score.py cer). Usage: scripts/eval-ocr-restore.sh [CORPUS] [OUT]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus}
out=${2:-.build/ocr-restore}
vanthu=.build/debug/vanthu
mkdir -p "$out/vie" "$out/eng" "$out/restored"
for f in "$corpus"/*.pdf; do
  id=$(basename "$f" .pdf)
  grep -q "^| $id |.*| scan" "$corpus/SOURCES.md" || continue
  "$vanthu" text --ocr-lang vie "$f" > "$out/vie/$id.txt" 2>/dev/null || { rm -f "$out/vie/$id.txt"; continue; }
  "$vanthu" text --ocr-lang eng "$f" > "$out/eng/$id.txt" 2>/dev/null || continue
  "$vanthu" text --restore - < "$out/eng/$id.txt" > "$out/restored/$id.txt"
done
echo "eng OCR against vie OCR:";      python3 "$corpus/../eval/score.py" cer --ref "$out/vie" --hyp "$out/eng" | tail -1
echo "restored against vie OCR:";     python3 "$corpus/../eval/score.py" cer --ref "$out/vie" --hyp "$out/restored" | tail -1
