#!/usr/bin/env python3
"""Counts of Vietnamese middle and given names: among the people named in ../shared/lm, and
among the two-syllable given names of scripts/names/ (boy.txt, girl.txt; see its README).

The lists (family names in Sources/Extract/Vietnamese/Names.swift, given and middle names in
PersonNames.swift) say which syllables can be names; the training text of the language model
says how often each is one: every distinct full name there (a family name, then two or three
capitalised syllables from the lists, in Title case or capitals) counts once for each of its
syllables, by place (middle or last), and so does every name of the two lists (`Thanh Hằng`:
`Thanh` in the middle, `Hằng` last). The counts are written between the markers of
PersonNames.swift. Run after changing the lists or the training text:

  python3 scripts/mine-names.py [--lm ../shared/lm]
"""
import argparse, collections, glob, lzma, os, re, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
VIET = os.path.join(HERE, "../Sources/Extract/Vietnamese")


def swift_list(path, name):
    src = open(path, encoding="utf-8").read()
    body = re.search(r"static let %s: \[String\] = \[(.*?)\]" % name, src, re.S)[1]
    return [unicodedata.normalize("NFC", w) for w in re.findall(r'"([^"]+)"', body)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lm", default=os.path.join(HERE, "../../shared/lm"))
    args = ap.parse_args()
    surnames = {w.lower() for w in swift_list(os.path.join(VIET, "Names.swift"), "surnames")}
    target = os.path.join(VIET, "PersonNames.swift")
    given = {w.lower() for w in swift_list(target, "given")}
    names = given | {w.lower() for w in swift_list(target, "middle")}
    word = re.compile(r"[^\W\d_]+|\S")
    people = set()
    for path in sorted(glob.glob(os.path.join(args.lm, "*.txt.xz"))):
        with lzma.open(path, "rt", encoding="utf-8", errors="replace") as f:
            for line in f:
                toks = word.findall(unicodedata.normalize("NFC", line))
                cap = [t.isalpha() and len(t) >= 2 and t[0].isupper() and (t[1:].islower() or t.isupper()) for t in toks]
                i = 0
                while i < len(toks):
                    if not cap[i] or (i > 0 and cap[i - 1]):
                        i += 1
                        continue
                    j = i
                    while j < len(toks) and cap[j]:
                        j += 1
                    run = [t.lower() for t in toks[i:j]]
                    if 3 <= len(run) <= 4 and run[0] in surnames and run[-1] in given and all(m in names for m in run[1:-1]):
                        people.add(" ".join(run))
                    i = j
    middle, last = collections.Counter(), collections.Counter()
    for p in people:
        run = p.split()
        middle.update(run[1:-1])
        last[run[-1]] += 1
    for list_name in ("boy.txt", "girl.txt"):
        for line in open(os.path.join(HERE, "names", list_name), encoding="utf-8"):
            run = unicodedata.normalize("NFC", line.replace("\u00d0", "\u0110")).lower().split()
            if len(run) == 2 and all(w.isalpha() for w in run):
                middle[run[0]] += 1
                last[run[1]] += 1
    rows = []
    for w in sorted(set(middle) | set(last)):
        cap = w[0].upper() + w[1:]
        rows.append(f'        "{cap}": ({middle[w]}, {last[w]}),')
    block = "    public static let counts: [String: (middle: Int, given: Int)] = [\n" + "\n".join(rows) + "\n    ]\n"
    src = open(target, encoding="utf-8").read()
    src = re.sub(r"(// BEGIN mined counts\n).*?(    // END mined counts)", lambda m: m[1] + block + m[2], src, flags=re.S)
    open(target, "w", encoding="utf-8").write(src)
    print(f"{len(people)} people and the lists, {len(rows)} names counted -> {target}")


if __name__ == "__main__":
    main()
