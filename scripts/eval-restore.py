#!/usr/bin/env python3
"""Syllable accuracy of the diacritic restorer on the corpus's born-digital letters.

For each letter (the pdf-text PDFs and .doc files of ../shared/corpus, read with `vanthu text`),
the text is stripped of its diacritics here (NFD, marks dropped, đ→d, case kept), restored with
`vanthu text --restore -`, and compared syllable by syllable with the original: overall and on the
syllables that carry a diacritic. `--model` picks a model file (VANTHU_MODEL), e.g. the plain
trigram baseline that `scripts/train-lm.py --smoothing stupid` writes.

  python3 scripts/eval-restore.py [--corpus ../shared/corpus] [--model FILE] [--save-texts DIR]
"""
import argparse, difflib, glob, os, re, subprocess, sys, unicodedata

WORD = re.compile(r"[^\W\d_]+")
# the kinds of input that are born digital, from the corpus's SOURCES.md
BORN_DIGITAL = ("pdf-text", "doc")


def strip(s):
    s = s.replace("đ", "d").replace("Đ", "D")
    s = unicodedata.normalize("NFD", s)
    return unicodedata.normalize("NFC", "".join(c for c in s if not unicodedata.combining(c)))


def letters(corpus):
    kinds = {}
    for line in open(os.path.join(corpus, "SOURCES.md"), encoding="utf-8"):
        cells = [c.strip() for c in line.split("|")]
        if len(cells) > 3 and re.fullmatch(r"\d{3}", cells[1]):
            kinds[cells[1]] = cells[3]
    out = []
    for f in sorted(glob.glob(os.path.join(corpus, "*"))):
        doc = os.path.basename(f).split(".")[0]
        if f.endswith((".gold.json", ".md")) or doc not in kinds:
            continue
        kind = kinds[doc]
        if (kind.startswith("pdf-text") and f.endswith(".pdf")) or (kind == "doc" and f.lower().endswith(".doc")):
            out.append((doc, f))
    return out


def main():
    ap = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--corpus", default=os.path.join(here, "../../shared/corpus"))
    ap.add_argument("--vanthu", default=os.path.join(here, "../.build/debug/vanthu"))
    ap.add_argument("--model")
    ap.add_argument("--save-texts", help="write each letter's original text here (for train-lm.py --exclude)")
    ap.add_argument("--errors", type=int, default=0, help="print this many wrong syllables")
    args = ap.parse_args()
    env = dict(os.environ)
    if args.model:
        env["VANTHU_MODEL"] = os.path.abspath(args.model)
    total = right = marked = marked_right = 0
    errors = []
    for doc, path in letters(args.corpus):
        gold = subprocess.run([args.vanthu, "text", path], capture_output=True, text=True, check=True).stdout
        gold = unicodedata.normalize("NFC", gold)
        if args.save_texts:
            os.makedirs(args.save_texts, exist_ok=True)
            open(os.path.join(args.save_texts, doc + ".txt"), "w", encoding="utf-8").write(gold)
        restored = subprocess.run([args.vanthu, "text", "--restore", "-"], input=strip(gold),
                                  capture_output=True, text=True, env=env, check=True).stdout
        g = WORD.findall(gold)
        r = WORD.findall(unicodedata.normalize("NFC", restored))
        sm = difflib.SequenceMatcher(a=[strip(x).lower() for x in g], b=[strip(x).lower() for x in r], autojunk=False)
        t = ok = m = mok = 0
        pairs = {}
        for a0, b0, n in sm.get_matching_blocks():
            for k in range(n):
                pairs[a0 + k] = b0 + k
        for i, w in enumerate(g):
            t += 1
            has = strip(w) != w
            m += has
            got = r[pairs[i]] if i in pairs else None
            if got == w:
                ok += 1
                mok += has
            elif len(errors) < args.errors:
                errors.append((doc, w, got, " ".join(g[max(0, i - 3):i + 4])))
        total += t; right += ok; marked += m; marked_right += mok
        print(f"{doc}: {ok/t:.4f} ({t} syllables), marked {mok/max(m,1):.4f}")
    print(f"all: syllable accuracy {right/total:.5f} ({total}), on syllables with a diacritic {marked_right/marked:.5f} ({marked})")
    for e in errors:
        print("  %s: %s → %s   [%s]" % e)


if __name__ == "__main__":
    main()
