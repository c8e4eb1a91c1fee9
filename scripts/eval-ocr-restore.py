#!/usr/bin/env python3
"""Letters OCR'd by an engine without Vietnamese (`tesseract -l eng`, as seed s001 was), restored
by `vanthu text --restore -`: character error rates against the true text.

Truth sets (the letters' text is held out of the model's training, as in eval-restore.py):
  pdf       the corpus's born-digital PDFs (pdf-text): each page rendered as a scan (pdftoppm
            -r 300 -gray, then turned a fraction of a degree, blurred, grey paper and noise:
            ocrlib.degrade), OCR'd with tesseract -l vie and -l eng; the truth is the page's own
            text layer (pdftotext -layout: its reading order is tesseract's, columns side by side).
  rendered  the same born-digital letters' text (`vanthu text`, .doc files included) set in
            another typeface (pango-view, DejaVu Serif 12 pt, 45 lines a page), degraded and
            OCR'd the same way; the truth is the text rendered.
  scan      continuity with the first measure: the corpus's scanned PDFs read by `vanthu text
            --ocr-lang vie` and `--ocr-lang eng`, the restored eng OCR against the vie OCR.

For each page: CER (distance / max length; NFC, whitespace runs as one space, the same for all) of
(a) the vie OCR, (b) the eng OCR, (c) the eng OCR restored; the target of issue 12 is
(c) - (a) <= 0.05. Means over pages. OCR outputs are cached in OUT (delete it to redo).

  python3 scripts/eval-ocr-restore.py [--corpus ../shared/corpus] [--out .build/ocr-restore]
      [--sets pdf,rendered,scan] [--max-pages 3] [--by-page]
"""
import argparse, glob, os, re, subprocess, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ocrlib


def kinds(corpus):
    out = {}
    for line in open(os.path.join(corpus, "SOURCES.md"), encoding="utf-8"):
        cells = [c.strip() for c in line.split("|")]
        if len(cells) > 3 and re.fullmatch(r"\d{3}", cells[1]):
            out[cells[1]] = cells[3]
    return out


def pages_of(pdf):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    m = re.search(r"^Pages:\s+(\d+)", info, re.M)
    return int(m[1]) if m else 0


def scan_page(pdf, page, base, seed):
    """pdf page → degraded grey PGM at base.pgm (cached)."""
    img = base + ".pgm"
    if not os.path.exists(img):
        subprocess.run(["pdftoppm", "-r", "300", "-gray", "-f", str(page), "-l", str(page), "-singlefile", pdf, base + "-clean"], check=True)
        ocrlib.write_pgm(img, ocrlib.degrade(ocrlib.read_pgm(base + "-clean.pgm"), seed))
        os.remove(base + "-clean.pgm")
    return img


def pdf_set(a, work):
    """(page id, truth, image) of the born-digital PDFs' first pages."""
    out = []
    for doc, kind in sorted(kinds(a.corpus).items()):
        pdf = os.path.join(a.corpus, doc + ".pdf")
        if not kind.startswith("pdf-text") or not os.path.exists(pdf):
            continue
        for p in range(1, min(a.max_pages, pages_of(pdf)) + 1):
            pid = f"{doc}-p{p}"
            truth = subprocess.run(["pdftotext", "-layout", "-f", str(p), "-l", str(p), pdf, "-"],
                                   capture_output=True, text=True, check=True).stdout
            if len(ocrlib.norm(truth)) < 200:
                continue  # a page without a text layer worth the name
            out.append((pid, truth, scan_page(pdf, p, os.path.join(work, pid), seed=int(doc) * 100 + p)))
    return out


def rendered_set(a, work):
    """(page id, truth, image) of the born-digital letters' text set in DejaVu Serif."""
    out = []
    for doc, kind in sorted(kinds(a.corpus).items()):
        if kind.startswith("pdf-text"):
            src = os.path.join(a.corpus, doc + ".pdf")
        elif kind == "doc":
            src = os.path.join(a.corpus, doc + ".doc")
        else:
            continue
        text = subprocess.run([a.vanthu, "text", src], capture_output=True, text=True).stdout
        lines = [l.rstrip() for l in text.replace("\f", "\n").splitlines()]
        # drop blank runs so a page is text; 45 lines a page
        lines = [l for i, l in enumerate(lines) if l.strip() or (i > 0 and lines[i - 1].strip())]
        for p in range(0, min(len(lines), 45 * a.max_pages), 45):
            chunk = "\n".join(lines[p:p + 45]).strip("\n")
            if len(ocrlib.norm(chunk)) < 200:
                continue
            pid = f"{doc}-r{p // 45 + 1}"
            base = os.path.join(work, pid)
            if not os.path.exists(base + ".pgm"):
                open(base + ".txt", "w", encoding="utf-8").write(chunk)
                subprocess.run(["pango-view", "-q", "--font=DejaVu Serif 12", "--width=700", "--wrap=word",
                                "--margin=60", "-o", base + ".pdf", base + ".txt"], check=True)
            out.append((pid, chunk, scan_page(base + ".pdf", 1, base, seed=int(doc) * 100 + 50 + p // 45)))
    return out


def measure(name, pages, work, a):
    rows = []
    for pid, truth, img in pages:
        vie = ocrlib.tesseract(img, "vie", os.path.join(work, pid + ".vie.txt"))
        eng = ocrlib.tesseract(img, "eng", os.path.join(work, pid + ".eng.txt"))
        restored = ocrlib.restore(a.vanthu, eng)
        open(os.path.join(work, pid + ".restored.txt"), "w", encoding="utf-8").write(restored)
        open(os.path.join(work, pid + ".truth.txt"), "w", encoding="utf-8").write(truth)
        r = (ocrlib.cer(vie, truth), ocrlib.cer(eng, truth), ocrlib.cer(restored, truth))
        rows.append(r)
        if a.by_page:
            print(f"  {pid:10} vie {r[0]:.4f}  eng {r[1]:.4f}  restored {r[2]:.4f}")
    n = max(1, len(rows))
    va, en, re_ = (sum(r[i] for r in rows) / n for i in range(3))
    print(f"{name}: {len(rows)} pages; mean CER against the truth: (a) vie OCR {va:.4f}  (b) eng OCR {en:.4f}  "
          f"(c) eng OCR restored {re_:.4f}; (c)-(a) = {re_ - va:+.4f} (target <= 0.05)")


def scan_continuity(a, work):
    rows = []
    for doc, kind in sorted(kinds(a.corpus).items()):
        pdf = os.path.join(a.corpus, doc + ".pdf")
        if not kind.startswith("scan") or not os.path.exists(pdf):
            continue
        def read(lang):
            path = os.path.join(work, f"{doc}.vanthu-{lang}.txt")
            if not os.path.exists(path):
                r = subprocess.run([a.vanthu, "text", "--ocr-lang", lang, pdf], capture_output=True, text=True)
                if r.returncode != 0:
                    return None
                open(path, "w", encoding="utf-8").write(r.stdout)
            return open(path, encoding="utf-8").read()
        vie, eng = read("vie"), read("eng")
        if vie is None or eng is None:
            continue
        restored = ocrlib.restore(a.vanthu, eng)
        rows.append((ocrlib.cer(eng, vie), ocrlib.cer(restored, vie)))
        if a.by_page:
            print(f"  {doc:10} eng {rows[-1][0]:.4f}  restored {rows[-1][1]:.4f}")
    n = max(1, len(rows))
    print(f"scan: {len(rows)} scanned letters; mean CER against their vie OCR: eng OCR {sum(r[0] for r in rows) / n:.4f}  "
          f"restored {sum(r[1] for r in rows) / n:.4f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default="../shared/corpus")
    ap.add_argument("--out", default=".build/ocr-restore")
    ap.add_argument("--vanthu", default=".build/debug/vanthu")
    ap.add_argument("--sets", default="pdf,rendered,scan")
    ap.add_argument("--max-pages", type=int, default=3)
    ap.add_argument("--by-page", action="store_true")
    a = ap.parse_args()
    for s in a.sets.split(","):
        work = os.path.join(a.out, s)
        os.makedirs(work, exist_ok=True)
        if s == "pdf":
            measure("pdf (born-digital pages as scans, truth: their text layer)", pdf_set(a, work), work, a)
        elif s == "rendered":
            measure("rendered (the same letters' text set in DejaVu Serif, truth: that text)", rendered_set(a, work), work, a)
        elif s == "scan":
            scan_continuity(a, work)
        sys.stdout.flush()


if __name__ == "__main__":
    main()
