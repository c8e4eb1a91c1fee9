#!/usr/bin/env python3
"""Measures the confusions of `tesseract -l eng` on Vietnamese: the table of the restorer's OCR
channel (Sources/Diacritics/OCRChannel.swift).

Letters are generated here, never taken from the corpus: pages of ../shared/lm (the model's own
training text, laws and công văn) drawn with a fixed seed, set with pango-view in the typefaces
given (Liberation Serif, metric twin of the Times New Roman of real letters, and DejaVu Serif
and Sans by default), printed as a scan (ocrlib.degrade) and OCR'd with
`tesseract -l eng`. Each page's OCR is aligned with its text character by character (Levenshtein);
every letter of a word of the text is paired with what the OCR printed for it (the aligned
character and the characters inserted beside it, lower case). Counted:
  - substitutions: printed unit (one or two characters) → the letter it stands for, folded
    (`6` → `o`, `ir` → `u`); its cost is ln(n(unit read as itself) / n(unit → letter)), floored
    at 0.3 (a digit inside a word is never itself): the odds against that reading. A unit of two
    characters is itself where two letters of the text were printed right (`tr` in `trong`);
  - marks: a marked letter printed (`é`) → the marked letter of the text (`ế`, `ệ`, `ố` …), the
    same way against `é` read as itself;
  - words broken or joined (a space printed inside a word, or none between two words).
Prints the tables as Swift literals to paste into OCRChannel.swift, with the counts.

  python3 scripts/measure-ocr-channel.py [--pages 48] [--out .build/ocr-channel]
      [--fonts "Liberation Serif 13,DejaVu Serif 12,Liberation Serif 14,DejaVu Sans 11"]
"""
import argparse, collections, lzma, math, os, random, subprocess, sys, unicodedata
import numpy as np
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ocrlib


def fold(c):
    c = c.lower().replace("đ", "d")
    return "".join(x for x in unicodedata.normalize("NFD", c) if not unicodedata.combining(x))


def is_vi_letter(c):
    return c.isalpha() and len(fold(c)) == 1 and "a" <= fold(c) <= "z"


def marked(c):
    return is_vi_letter(c) and fold(c) != c.lower()


def align(a, b):
    """Levenshtein alignment of a (text) and b (OCR): list of (i or None, j or None)."""
    n, m = len(a), len(b)
    bb = np.frombuffer(b.encode("utf-32-le"), dtype=np.uint32)
    idx = np.arange(m + 1, dtype=np.int32)
    rows = np.empty((n + 1, m + 1), dtype=np.int32)
    rows[0] = idx
    for i, ca in enumerate(a, 1):
        prev = rows[i - 1]
        t = np.empty(m + 1, dtype=np.int32)
        t[0] = i
        t[1:] = np.minimum(prev[1:] + 1, prev[:-1] + (bb != ord(ca)))
        rows[i] = np.minimum.accumulate(t - idx) + idx
    out, i, j = [], n, m
    while i > 0 or j > 0:
        if i > 0 and j > 0 and rows[i, j] == rows[i - 1, j - 1] + (a[i - 1] != b[j - 1]):
            out.append((i - 1, j - 1)); i -= 1; j -= 1
        elif i > 0 and rows[i, j] == rows[i - 1, j] + 1:
            out.append((i - 1, None)); i -= 1
        else:
            out.append((None, j - 1)); j -= 1
    return out[::-1]


def pages(n, seed, lm):
    """n chunks of about 1800 characters of Vietnamese prose from ../shared/lm, drawn with seed."""
    lines = []
    for f in ("legal-crawl.txt.xz", "legal-8-topics.txt.xz"):
        with lzma.open(os.path.join(lm, f), "rt", encoding="utf-8") as fh:
            for k, line in enumerate(fh):
                if k % 7 == 0 and 60 <= len(line) <= 400:
                    lines.append(line.rstrip())
    rng = random.Random(seed)
    out = []
    while len(out) < n:
        i = rng.randrange(len(lines) - 40)
        chunk, size = [], 0
        while size < 1800:
            chunk.append(lines[i]); size += len(lines[i]) + 1; i += 1
        out.append("\n".join(chunk))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lm", default="../shared/lm")
    ap.add_argument("--out", default=".build/ocr-channel")
    ap.add_argument("--pages", type=int, default=48)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--fonts", default="Liberation Serif 13,DejaVu Serif 12,Liberation Serif 14,DejaVu Sans 11")
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--min-count-pair", type=int, default=20)
    ap.add_argument("--max-cost", type=float, default=5.0)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    fonts = a.fonts.split(",")
    subs = collections.Counter()     # (unit, folded letter)
    units = collections.Counter()    # unit printed for a letter of a word
    marks = collections.Counter()    # (printed marked letter, text letter)
    pairs_right = collections.Counter()  # two-letter units printed as themselves
    broken = joined = words = 0
    for k, text in enumerate(pages(a.pages, a.seed, a.lm)):
        font = fonts[k % len(fonts)]
        base = os.path.join(a.out, f"g{a.seed}-{k:03d}-" + font.replace(" ", ""))
        if not os.path.exists(base + ".pgm"):
            open(base + ".txt", "w", encoding="utf-8").write(text)
            subprocess.run(["pango-view", "-q", f"--font={font}", "--width=700", "--wrap=word",
                            "--margin=60", "-o", base + ".pdf", base + ".txt"], check=True)
            subprocess.run(["pdftoppm", "-r", "300", "-gray", "-f", "1", "-l", "1", "-singlefile", base + ".pdf", base + "-clean"], check=True)
            ocrlib.write_pgm(base + ".pgm", ocrlib.degrade(ocrlib.read_pgm(base + "-clean.pgm"), 9000 + k))
            os.remove(base + "-clean.pgm")
        eng = ocrlib.tesseract(base + ".pgm", "eng", base + ".eng.txt")
        truth = ocrlib.norm(open(base + ".txt", encoding="utf-8").read())
        # the rendered page may end before the text does: keep the text up to the OCR's length
        ocr = ocrlib.norm(eng)
        truth = truth[: int(len(ocr) * 1.05) + 20]
        pairs = align(truth, ocr)
        # what was printed for each text character: its aligned character and the inserts after it
        # characters the OCR inserted go with the text letter they stand beside: the one before,
        # unless that one was printed right (then the one after: `tr` for `ư` in `chtrc`)
        printed = [""] * len(truth)
        last, inserted = None, ""
        for i, j in pairs:
            if i is None:
                inserted += ocr[j]
                continue
            if inserted:
                if last is not None and printed[last].lower() != fold(truth[last]):
                    printed[last] += inserted
                else:
                    printed[i] = inserted
                inserted = ""
            last = i
            if j is not None:
                printed[i] += ocr[j]
        if inserted and last is not None:
            printed[last] += inserted
        # two letters printed right, side by side: how often a two-character unit is itself
        for i in range(len(truth) - 1):
            x, y = truth[i], truth[i + 1]
            if is_vi_letter(x) and is_vi_letter(y) and printed[i].lower() == fold(x) and printed[i + 1].lower() == fold(y):
                pairs_right[fold(x) + fold(y)] += 1
        for i, c in enumerate(truth):
            inside = i > 0 and is_vi_letter(truth[i - 1]) or i + 1 < len(truth) and is_vi_letter(truth[i + 1])
            if c == " " and i > 0 and is_vi_letter(truth[i - 1]) and i + 1 < len(truth) and is_vi_letter(truth[i + 1]):
                words += 1
                if printed[i] == "":
                    joined += 1
            if not is_vi_letter(c) or not inside:
                continue
            u = printed[i].lower()
            if " " in u.strip():
                broken += 1
            u = u.strip()
            if not u or len(u) > 2:
                continue
            units[u] += 1
            subs[(u, fold(c))] += 1
            if len(u) == 1 and marked(u) and fold(u) == fold(c):
                marks[(u, c.lower())] += 1
        print(f"page {k}: {len(truth)} characters", file=sys.stderr)
    # the odds against each reading, against the unit read as itself
    def itself(u):
        if len(u) == 2:
            return pairs_right[fold(u[0]) + fold(u[1])]
        return sum(n for (v, f), n in subs.items() if v == u and fold(v) == f)
    print(f"// Measured by scripts/measure-ocr-channel.py --pages {a.pages} --seed {a.seed} --fonts \"{a.fonts}\"")
    print(f"// --min-count {a.min_count} --min-count-pair {a.min_count_pair} --max-cost {a.max_cost}:")
    print(f"// {sum(units.values())} letters of words, {words} spaces between words; {broken} letters printed with a")
    print(f"// space inside (a broken word), {joined} spaces not printed (two words joined).")
    print("    static let measuredSubstitutions: [String: [(String, Float)]] = [")
    by = collections.defaultdict(list)
    def word_char(c):
        return is_vi_letter(c) or c.isdigit() or c in "¢¥"
    for (u, f), n in sorted(subs.items()):
        # a slip of two characters is cheap (nothing else reads `ir` as `ư`), so it needs more
        # sightings than one of a single character before it is trusted
        if fold(u) == f or n < (a.min_count_pair if len(u) == 2 else a.min_count) or not ("a" <= f <= "z") \
                or not all(map(word_char, u)):
            continue
        # a letter with a stray character (`ht` for `h`) is the alignment's half of a
        # two-character slip, not a slip of that letter
        if len(u) == 2 and (fold(u[0]) == f or fold(u[1]) == f):
            continue
        best = max(n2 for (v, f2), n2 in subs.items() if v == u and fold(v) != f2)
        cost = max(0.3, math.log(max(1, itself(u), best) / n))
        if cost <= a.max_cost:
            by[u].append((f, cost, n))
    for u in sorted(by):
        items = ", ".join(f'("{f}", {c:.1f})' for f, c, n in sorted(by[u], key=lambda x: x[1]))
        counts = ", ".join(f"{f} {n}" for f, c, n in sorted(by[u], key=lambda x: x[1]))
        print(f'        "{u}": [{items}],  // of {units[u]}: {counts}')
    print("    ]")
    print("    static let measuredMarks: [String: [(String, Float)]] = [")
    bym = collections.defaultdict(list)
    for (u, c), n in sorted(marks.items()):
        if u == c or n < a.min_count:
            continue
        same = marks.get((u, u), 0)
        bym[u].append((c, max(0.0, math.log(max(1, same) / n)), n))
    for u in sorted(bym):
        items = ", ".join(f'("{c}", {cost:.1f})' for c, cost, n in sorted(bym[u], key=lambda x: x[1]))
        counts = ", ".join(f"{c} {n}" for c, cost, n in sorted(bym[u], key=lambda x: x[1]))
        print(f'        "{u}": [{items}],  // itself {marks.get((u, u), 0)}; {counts}')
    print("    ]")
    # a printed marked letter read as itself: the odds against it, from its likeliest other reading
    print("    static let measuredMarkSelf: [String: Float] = [")
    for u in sorted({u for (u, c) in marks}):
        same = marks.get((u, u), 0)
        other = max([n for (v, c), n in marks.items() if v == u and c != u] + [0])
        if same + other >= a.min_count:
            print(f'        "{u}": {max(0.0, math.log(max(1, other) / max(1, same))):.1f},  // itself {same}, likeliest other {other}')
    print("    ]")


if __name__ == "__main__":
    main()
