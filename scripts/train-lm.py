#!/usr/bin/env python3
"""Train the Vietnamese syllable language model the diacritic restorer uses (`make model`).

Reads the public legal and administrative texts in ../shared/lm/*.txt.xz (see SOURCES.md there),
drops repeated lines (many documents appear in several versions), and counts syllable n-grams.
Smoothing is interpolated modified Kneser-Ney (Chen & Goodman 1998), written out in backoff form
(ARPA style) after count pruning, so that the restorer needs one lookup chain per score. Log
probabilities are quantised to 256 levels per order (bins of equal population, each level the
mean of its bin). The candidate table (folded syllable -> the diacritised syllables seen) goes
into the same file.

Tokens (the restorer's Tokenizer must agree): text is lower-cased NFC; a run of letters is a word,
a run of digits (with inner . , /) is <num>, any other non-space character is its own token. A
chunk of consecutive new (not yet seen) lines is one sequence, started by <s>.

File layout (little endian), see Sources/Diacritics/SyllableModel.swift:
  magic "VNSYLLM1", u32 order, u32 vocabSize, u32 count[order], u32 candidateKeys
  f32 probCodebook[order][256], f32 bowCodebook[order-1][256]
  vocab: u32 offsets[V+1], utf8 bytes (padded to 4)
  order 1: u8 prob[V], u8 bow[V] (padded to 4)
  order k=2..n: u32 childStart[count[k-1]+1] (into order k), u16 word[count[k]], u8 prob[count[k]],
                (k<n) u8 bow[count[k]] (each padded to 4)
  candidates: u32 keyOffsets[F+1], utf8 folded keys (padded), u32 candStart[F+1], u16 cand[..]
  capitals: i8 capital[V]: ln P(capitalised | word, inside a sentence) in tenths of a nat
"""
import argparse, collections, itertools, glob, lzma, os, re, struct, sys, time, unicodedata
import numpy as np

TOKEN = re.compile(r"[^\W\d_]+|\d+(?:[.,/]\d+)*|[^\w\s]")
BITS = 16
MAXV = (1 << BITS) - 1


def fold(s):
    s = s.replace("đ", "d").replace("Đ", "D")
    s = unicodedata.normalize("NFD", s)
    return unicodedata.normalize("NFC", "".join(c for c in s if not unicodedata.combining(c)))


def read_chunks(paths, limit_lines, exclude):
    """Chunks of consecutive lines not seen before (each document's text layer, minus repeats)."""
    seen = set(exclude)
    for path in paths:
        with lzma.open(path, "rt", encoding="utf-8", errors="replace") as f:
            chunk = []
            n = 0
            for line in f:
                n += 1
                if limit_lines and n > limit_lines:
                    break
                line = unicodedata.normalize("NFC", line.strip())
                if not line:
                    continue
                key = hash(line.lower())
                if key in seen:
                    if chunk:
                        yield chunk
                        chunk = []
                    continue
                seen.add(key)
                chunk.append(line)
            if chunk:
                yield chunk


SENTENCE_END = {".", "!", "?", ":", ";", "(", "-", "\"", "“", "–", "…"}


def tokens_of(text, cap, mid):
    """Lower-case tokens of a line; counts, per word inside a sentence (not first on its line nor
    after a sentence mark), how often it is written with a capital (names, places) in `cap`, and
    how often it is so placed at all in `mid` (all-capital words tell nothing and are left out)."""
    prev = None
    for t in TOKEN.findall(text):
        if t[0].isdigit():
            prev = t
            yield "<num>"
            continue
        low = t.lower()
        if prev is not None and prev not in SENTENCE_END and t.isalpha() and not (len(t) > 1 and t.isupper()):
            mid[low] += 1
            if t[0].isupper():
                cap[low] += 1
        prev = t
        yield low


def discounts(counts):
    n = [np.count_nonzero(counts == i) for i in range(1, 5)]
    n = [max(x, 1) for x in n]
    y = n[0] / (n[0] + 2 * n[1])
    return (1 - 2 * y * n[1] / n[0], 2 - 3 * y * n[2] / n[1], 3 - 4 * y * n[3] / n[2])


def quantise(values, levels=256):
    """Codes (u8) and codebook: bins of equal population over the sorted values."""
    if len(values) == 0:
        return np.zeros(0, np.uint8), np.zeros(levels, np.float32)
    order = np.argsort(values, kind="stable")
    codes = np.empty(len(values), np.uint8)
    bins = np.minimum((np.arange(len(values)) * levels) // len(values), levels - 1)
    codes[order] = bins
    book = np.zeros(levels, np.float32)
    sums = np.bincount(bins, weights=values[order], minlength=levels)
    cnt = np.bincount(bins, minlength=levels)
    book[cnt > 0] = (sums[cnt > 0] / cnt[cnt > 0]).astype(np.float32)
    # an empty level (few values) takes its neighbour's value so no code means nothing
    for i in range(levels):
        if cnt[i] == 0:
            book[i] = book[i - 1] if i else 0.0
    return codes, book


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lm", default=os.path.join(os.path.dirname(__file__), "../../shared/lm"))
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "../Models/vi-syllables.lm"))
    ap.add_argument("--order", type=int, default=3)
    ap.add_argument("--min-count", type=int, nargs="+", default=[2, 2, 2],
                    help="least count kept for orders 2..n")
    ap.add_argument("--min-word", type=int, default=2, help="least count of a vocabulary word")
    ap.add_argument("--limit-lines", type=int, default=0, help="read only the first N lines of each file")
    ap.add_argument("--smoothing", choices=["kn", "stupid"], default="kn",
                    help="kn: modified Kneser-Ney; stupid: relative frequencies with a constant backoff "
                         "of 0.4 (the plain trigram baseline)")
    ap.add_argument("--unigram", choices=["continuation", "raw"], default="continuation",
                    help="counts of the lowest order: KN's continuation counts or raw frequencies")
    ap.add_argument("--extra", nargs="*", default=[],
                    help="letters (text files) added to the training text, e.g. corpus letters that are "
                         "not evaluated on: they bring the letters' own vocabulary (Nơi nhận, Cổng TTĐT tỉnh)")
    ap.add_argument("--extra-weight", type=int, default=3, help="times each extra letter is counted")
    ap.add_argument("--exclude", nargs="*", default=[],
                    help="text files whose lines are dropped from training (letters evaluated on)")
    args = ap.parse_args()
    t0 = time.time()
    n = args.order
    exclude = set()
    for p in args.exclude:
        with open(p, encoding="utf-8", errors="replace") as f:
            for line in f:
                line = unicodedata.normalize("NFC", line.strip()).lower()
                if len(line) >= 20:
                    exclude.add(hash(line))
    paths = sorted(glob.glob(os.path.join(args.lm, "*.txt.xz")))
    seqs = []
    freq = collections.Counter()
    cap, mid = collections.Counter(), collections.Counter()
    extra = []
    for p in args.extra:
        with open(p, encoding="utf-8", errors="replace") as f:
            lines = [unicodedata.normalize("NFC", l.strip()) for l in f]
        extra.extend([[l for l in lines if l]] * args.extra_weight)
    for chunk in itertools.chain(read_chunks(paths, args.limit_lines, exclude), extra):
        toks = ["<s>"]
        for line in chunk:
            toks.extend(tokens_of(line, cap, mid))
        seqs.append(toks)
        freq.update(toks)
    total = sum(freq.values())
    print(f"read {len(seqs)} chunks, {total} tokens, {len(freq)} types in {time.time()-t0:.1f}s", file=sys.stderr)

    # vocabulary: <s>, <unk>, then words by frequency
    words = [w for w, c in freq.most_common() if c >= args.min_word and w not in ("<s>",)]
    words = words[: MAXV - 2]
    vocab = ["<s>", "<unk>"] + words
    index = {w: i for i, w in enumerate(vocab)}
    unk = 1
    ids = np.fromiter((index.get(t, unk) for s in seqs for t in s), dtype=np.uint64, count=total)
    # sequence starts: a gram must not span two sequences
    starts = np.zeros(total, dtype=bool)
    pos = 0
    for s in seqs:
        starts[pos] = True
        pos += len(s)
    del seqs
    V = len(vocab)
    print(f"vocab {V}", file=sys.stderr)

    # raw counts of each order: keys pack the words, BITS each, oldest word highest
    raw = {}
    for k in range(1, n + 1):
        m = total - k + 1
        key = np.zeros(m, dtype=np.uint64)
        ok = np.ones(m, dtype=bool)
        for j in range(k):
            key = (key << np.uint64(BITS)) | ids[j:j + m]
            if j > 0:
                ok &= ~starts[j:j + m]
        key = key[ok]
        u, c = np.unique(key, return_counts=True)
        raw[k] = (u, c.astype(np.int64))
        print(f"order {k}: {len(u)} grams ({time.time()-t0:.1f}s)", file=sys.stderr)
    del ids, starts

    mask = lambda k: np.uint64((1 << (BITS * k)) - 1)
    # the counts smoothing uses: raw for the top order, continuation counts (distinct left
    # neighbours) below it
    used = {n: raw[n]}
    for k in range(1, n if args.smoothing == "kn" else 1):
        hu, _ = raw[k + 1]
        suf = hu & mask(k)
        u, c = np.unique(suf, return_counts=True)
        # a gram only ever seen at a sequence start keeps its raw count (no left neighbour)
        ru, rc = raw[k]
        cc = np.zeros(len(ru), np.int64)
        cc[np.searchsorted(ru, u)] = c
        cc = np.where(cc == 0, rc, cc)
        used[k] = (ru, cc)

    if args.smoothing == "stupid":
        used = dict(raw)
    if args.unigram == "raw":
        used[1] = raw[1]

    # interpolated modified KN probabilities (natural log) of every gram
    prob = {}
    u1, a1 = used[1]
    p1 = a1 / a1.sum()
    p1 = 0.999 * p1 + 0.001 / V  # a little mass for every word (and <unk>)
    prob[1] = p1
    gamma = {}
    for k in range(2, n + 1):
        u, a = used[k]
        D = discounts(a)
        d = np.where(a == 1, D[0], np.where(a == 2, D[1], D[2]))
        ctx = u >> np.uint64(BITS)
        cu, first, inv = np.unique(ctx, return_index=True, return_inverse=True)
        denom = np.add.reduceat(a, first)
        n1 = np.add.reduceat((a == 1).astype(np.int64), first)
        n2 = np.add.reduceat((a == 2).astype(np.int64), first)
        n3 = np.add.reduceat((a >= 3).astype(np.int64), first)
        g = (D[0] * n1 + D[1] * n2 + D[2] * n3) / denom
        lu = used[k - 1][0]
        lower = prob[k - 1][np.searchsorted(lu, u & mask(k - 1))]
        if args.smoothing == "kn":
            prob[k] = np.maximum(a - d, 0) / denom[inv] + g[inv] * lower
        else:
            prob[k] = a / denom[inv]
        gamma[k] = (cu, g)
        print(f"order {k}: D={tuple(round(x, 3) for x in D)}", file=sys.stderr)

    # pruning: keep grams of order k>=2 seen at least min-count times whose prefix is kept
    kept = {1: np.ones(len(u1), bool)}
    for k in range(2, n + 1):
        u, _ = raw[k]
        mc = args.min_count[min(k - 2, len(args.min_count) - 1)]
        keep = raw[k][1] >= mc
        pu = raw[k - 1][0][kept[k - 1]]
        pref = u >> np.uint64(BITS)
        i = np.searchsorted(pu, pref)
        i = np.minimum(i, len(pu) - 1)
        keep &= pu[i] == pref
        kept[k] = keep
        print(f"order {k}: kept {keep.sum()} of {len(keep)}", file=sys.stderr)

    # backoff weights: bow(h) = (1 - sum kept p(w|h)) / (1 - sum kept p_lower(w|h'))
    keys = {k: raw[k][0][kept[k]] for k in range(1, n + 1)}
    lp = {}
    for k in range(1, n + 1):
        lp[k] = np.log(prob[k][kept[k]])
    bow = {}
    for k in range(1, n):
        hk = keys[k]
        b = np.zeros(len(hk))
        child = keys[k + 1]
        ctx = child >> np.uint64(BITS)
        pos = np.searchsorted(hk, ctx)
        s_hi = np.bincount(pos, weights=np.exp(lp[k + 1]), minlength=len(hk))
        low = np.exp(lookup(keys, lp, bow, child & mask(k), k))
        s_lo = np.bincount(pos, weights=low, minlength=len(hk))
        num = np.maximum(1 - s_hi, 1e-9)
        den = np.maximum(1 - s_lo, 1e-9)
        b = np.log(num / den)
        b[np.bincount(pos, minlength=len(hk)) == 0] = 0.0
        if args.smoothing == "stupid":
            b[:] = np.log(0.4)
        bow[k] = b

    # candidate table: folded word -> diacritised words, the rare variants left out
    groups = collections.defaultdict(list)
    for i, w in enumerate(vocab):
        if i < 2 or not w.isalpha():
            continue
        groups[fold(w)].append((freq[w], i))
    cand_keys = sorted(groups)
    cand_lists = []
    for fk in cand_keys:
        g = sorted(groups[fk], reverse=True)
        top = g[0][0]
        cand_lists.append([i for c, i in g if c >= 3 and c * 20000 >= top] or [g[0][1]])
    # ln P(written with a capital | word, inside a sentence), in tenths of a nat (i8)
    capital = np.array([round(10 * np.log((cap[w] + 0.1) / (mid[w] + 0.2))) if i >= 2 else -7
                        for i, w in enumerate(vocab)], dtype=np.int64)
    capital = np.clip(capital, -127, 0).astype(np.int8)
    if args.smoothing == "stupid":
        capital[:] = 0  # the plain baseline: no case evidence
    write(args.out, n, vocab, keys, lp, bow, cand_keys, cand_lists, capital)
    print(f"wrote {args.out}: {os.path.getsize(args.out)/1e6:.1f} MB in {time.time()-t0:.1f}s", file=sys.stderr)


def lookup(keys, lp, bow, q, k):
    """Backoff log probability of grams q (order k) under the kept model of orders <= k."""
    out = np.zeros(len(q))
    hk = keys[k]
    i = np.minimum(np.searchsorted(hk, q), len(hk) - 1)
    hit = hk[i] == q
    out[hit] = lp[k][i[hit]]
    if k == 1:
        out[~hit] = np.log(1e-9)
        return out
    miss = ~hit
    qm = q[miss]
    ctx = qm >> np.uint64(BITS)
    hc = keys[k - 1]
    j = np.minimum(np.searchsorted(hc, ctx), len(hc) - 1)
    b = np.where(hc[j] == ctx, bow[k - 1][j] if (k - 1) in bow else 0.0, 0.0)
    out[miss] = b + lookup(keys, lp, bow, qm & np.uint64((1 << (BITS * (k - 1))) - 1), k - 1)
    return out


def pad4(f):
    r = f.tell() % 4
    if r:
        f.write(b"\0" * (4 - r))


def write(path, n, vocab, keys, lp, bow, cand_keys, cand_lists, capital):
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    codes, books, bcodes, bbooks = {}, [], {}, []
    for k in range(1, n + 1):
        codes[k], book = quantise(lp[k])
        books.append(book)
    for k in range(1, n):
        bcodes[k], book = quantise(bow[k])
        bbooks.append(book)
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(b"VNSYLLM1")
        f.write(struct.pack("<II", n, len(vocab)))
        for k in range(1, n + 1):
            f.write(struct.pack("<I", len(keys[k])))
        f.write(struct.pack("<I", len(cand_keys)))
        for b in books:
            f.write(b.astype("<f4").tobytes())
        for b in bbooks:
            f.write(b.astype("<f4").tobytes())
        blob = [w.encode("utf-8") for w in vocab]
        off = np.cumsum([0] + [len(b) for b in blob]).astype("<u4")
        f.write(off.tobytes()); f.write(b"".join(blob)); pad4(f)
        f.write(codes[1].tobytes()); f.write(bcodes[1].tobytes()); pad4(f)
        for k in range(2, n + 1):
            ctx = keys[k] >> np.uint64(BITS)
            starts = np.searchsorted(ctx, keys[k - 1], side="left").astype("<u4")
            starts = np.append(starts, np.uint32(len(keys[k]))).astype("<u4")
            f.write(starts.tobytes())
            f.write((keys[k] & np.uint64(MAXV)).astype("<u2").tobytes()); pad4(f)
            f.write(codes[k].tobytes()); pad4(f)
            if k < n:
                f.write(bcodes[k].tobytes()); pad4(f)
        blob = [w.encode("utf-8") for w in cand_keys]
        off = np.cumsum([0] + [len(b) for b in blob]).astype("<u4")
        f.write(off.tobytes()); f.write(b"".join(blob)); pad4(f)
        cs = np.cumsum([0] + [len(c) for c in cand_lists]).astype("<u4")
        f.write(cs.tobytes())
        f.write(np.array([i for c in cand_lists for i in c], dtype="<u2").tobytes()); pad4(f)
        f.write(capital.tobytes()); pad4(f)
    os.replace(tmp, path)


if __name__ == "__main__":
    main()
