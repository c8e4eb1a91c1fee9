#!/usr/bin/env python3
"""Syllable accuracy of the diacritic restorer on the corpus's born-digital letters.

For each letter (the pdf-text PDFs and .doc files of ../shared/corpus, read with `vanthu text`),
the text is stripped of its diacritics here (NFD, marks dropped, đ→d, case kept), restored with
`vanthu text --restore -`, and compared syllable by syllable with the original: overall and on the
syllables that carry a diacritic. `--model` picks a model file (VANTHU_MODEL), e.g. the plain
trigram baseline that `scripts/train-lm.py --smoothing stupid` writes.

  python3 scripts/eval-restore.py [--corpus ../shared/corpus] [--model FILE] [--save-texts DIR]

`--records` measures the records instead: each letter's text (`vanthu text`) is written twice as
a .txt file, once as it is and once stripped here; `vanthu extract --json` reads both (the
stripped one is restored by the pipeline) and ../shared/eval/score.py fields scores both against
the letters' gold, per field, folded and exact. The gap to close is exact(as is) − exact(stripped).

  python3 scripts/eval-restore.py --records [--by-doc] [--keep DIR]
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


def records(args, env):
    """Field scores of the letters' records from their text as it is and stripped."""
    import shutil, tempfile
    work = args.keep or tempfile.mkdtemp(prefix="vanthu-records-")
    dirs = {k: os.path.join(work, k) for k in ("gold", "original", "stripped")}
    for d in dirs.values():
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
    for doc, path in letters(args.corpus):
        gold = unicodedata.normalize("NFC", subprocess.run([args.vanthu, "text", path], capture_output=True,
                                                           text=True, check=True).stdout)
        shutil.copy(os.path.join(args.corpus, doc + ".gold.json"), os.path.join(dirs["gold"], doc + ".gold.json"))
        open(os.path.join(dirs["original"], doc + ".txt"), "w", encoding="utf-8").write(gold)
        open(os.path.join(dirs["stripped"], doc + ".txt"), "w", encoding="utf-8").write(strip(gold))
    score = os.path.join(args.corpus, "../eval/score.py")
    tables = {}
    for k in ("original", "stripped"):
        files = sorted(glob.glob(os.path.join(dirs[k], "*.txt")))
        out = subprocess.run([args.vanthu, "extract", "--json"] + files, capture_output=True, text=True, env=env).stdout
        pred = os.path.join(work, k + ".jsonl")
        open(pred, "w", encoding="utf-8").write(out)
        cmd = ["python3", score, "fields", "--gold", dirs["gold"], "--pred", pred] + (["--by-doc"] if args.by_doc else [])
        tables[k] = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        print(f"== {k} text\n{tables[k]}")
    # per field: the exact score as is, stripped, and the gap
    rows = {}
    for k, t in tables.items():
        for line in t.splitlines():
            m = re.match(r"(\S+)\s+(\d+)\s+([\d.]+)\s+([\d.]+)$", line)
            if m:
                rows.setdefault(m[1], {})[k] = (int(m[2]), float(m[3]), float(m[4]))
    print(f"{'field':28} {'n':>3} {'exact':>7} {'stripped':>8} {'gap':>7}")
    for f, r in rows.items():
        if "original" in r and "stripped" in r:
            n, _, a = r["original"]; _, _, b = r["stripped"]
            print(f"{f:28} {n:3d} {a:7.3f} {b:8.3f} {a - b:7.3f}")
    ov = {k: re.search(r"exact ([\d.]+)", t)[1] for k, t in tables.items()}
    print(f"overall exact: as is {ov['original']}, stripped {ov['stripped']}, "
          f"gap {float(ov['original']) - float(ov['stripped']):.3f}")


def main():
    ap = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--corpus", default=os.path.join(here, "../../shared/corpus"))
    ap.add_argument("--vanthu", default=os.path.join(here, "../.build/debug/vanthu"))
    ap.add_argument("--model")
    ap.add_argument("--save-texts", help="write each letter's original text here (for train-lm.py --exclude)")
    ap.add_argument("--errors", type=int, default=0, help="print this many wrong syllables")
    ap.add_argument("--records", action="store_true", help="score the records, as is and stripped")
    ap.add_argument("--by-doc", action="store_true", help="with --records: per-letter scores")
    ap.add_argument("--keep", help="with --records: the folder for the texts and records")
    args = ap.parse_args()
    env = dict(os.environ)
    if args.model:
        env["VANTHU_MODEL"] = os.path.abspath(args.model)
    if args.records:
        return records(args, env)
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
