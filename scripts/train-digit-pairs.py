#!/usr/bin/env python3
"""Trains the reader of two hand-written digits run together, for the marks the digit reader
cannot cut apart with a straight column.

Where two digits touch so that they share columns (the 9 of a 98 under the 8's loop, a 1 tucked
under an 8), no vertical cut separates them, and the one-digit net (train-digits.py) reads the
mark as one digit or as a digit and a piece. This net reads such a mark whole: a crop of ink
normalised to 28×48 (its box scaled by area averaging to fit 20×40, placed by its centre of mass,
`InkImage.normalisedPair` in Swift) gives three heads, the left digit (10 classes), the right
digit (10) and whether the crop is exactly two digits (one logit). The reader tries it on runs of
pieces cut from one mark and weighs its reading against the one-digit paths (see
`HandwrittenFieldReader.read`).

The same small net as the one-digit reader's (5×5 conv, 16 maps → pool → 3×3 conv, 32 maps →
pool → dense 128 → 21), in the same weights file format (Sources/Ingest/OCR/DigitPairModelWeights.swift).

Data: the training MNIST samples (every fifth held out, as train-digits.py) and scikit-learn's
digits, each distorted a few times as train-digits.py distorts them (turn, shear, scale,
elastic, stroke width; Vietnamese 1s and 7s, and with LOOP and FOOT 2s looped and 1s footed as there), into a bank; pairs are drawn from the bank and set
side by side touching or overlapping (-0.22 to +0.04 digit heights apart), each a little larger
or smaller and higher or lower, then blurred and thresholded as a scan. Not two digits: one
digit, three, a digit and part of the next, part of a digit beside a digit, the print a field
catches. The held-out figure is on pairs of held-out MNIST samples.

Run: `make model-digit-pairs` (the same Python packages as `make model-digits`). PAIRS, EPOCHS,
THREADS, SEED are the knobs.
"""
import importlib.util, os
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("train_digits", os.path.join(HERE, "train-digits.py"))
td = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(td)

OUT = os.environ.get("OUT") or os.path.join(HERE, "..", "Sources", "Ingest", "OCR", "DigitPairModelWeights.swift")
SEED = int(os.environ.get("SEED", "11"))
rng = np.random.default_rng(SEED)
td.rng = rng
# The share of the 2s drawn with a loop at the foot (train-digits.py's `looped_two`) and the
# widest loop: 0.5 and 0.22 here, the committed weights' recipe (loops up to 0.3 wide, as the
# one-digit nets have them, were not tried here).
td.LOOP = float(os.environ.get("LOOP", "0.5"))
td.LOOP_MOST = float(os.environ.get("LOOP_MOST", "0.22"))
HEIGHT, WIDTH = 28, 48
# The share of the single digits (not two) drawn wider than they are.
WIDE = float(os.environ.get("WIDE", "0.5"))
# The one-digit net's layers (train-digits.py builds, exports and lists them from its ARCH), on
# the wider input and with 21 outputs.
td.ARCH = ARCH = [("conv", 1, 16, 5), ("pool",), ("conv", 16, 32, 3), ("pool",),
                  ("dense", 32 * 5 * 10, 128), ("dense", 128, 21)]


def normalise_pair(ink):
    """The crop as `InkImage.normalisedPair` makes it: fitted into 20×40 of HEIGHT×WIDTH."""
    return td.normalise(ink, HEIGHT, WIDTH, 20, 40)


def bank(images, labels, copies):
    """Each digit distorted `copies` times (the first copy as it is), trimmed, 40 px high."""
    out, ys = [], []
    for img, y in zip(images, labels):
        for k in range(copies):
            a = img
            if k > 0:
                a = td.distort(td.hand_strokes(a, y))
            a = td.trimmed(a)
            if a is None or a.shape[0] < 4:
                continue
            out.append(td.scaled_to(a, 40)); ys.append(y)
    return out, np.array(ys)


def pair_of(glyphs, labels, n=2, gap=(-0.22, 0.04)):
    """n digits from the bank side by side, touching or overlapping, each scaled and raised a
    little; returns the ink and the labels."""
    idx = rng.integers(len(glyphs), size=n)
    ink, H = None, 40
    for k in idx:
        g = td.scaled_to(glyphs[k], int(H * rng.uniform(0.85, 1.15)))
        lift = int(H * rng.uniform(-0.08, 0.08))
        if lift > 0:
            g = np.pad(g, ((0, lift), (0, 0)))
        elif lift < 0:
            g = np.pad(g, ((-lift, 0), (0, 0)))
        ink = g if ink is None else td.beside(ink, g, int(rng.uniform(*gap) * H))
    return ink, [int(labels[k]) for k in idx]


def finished(ink):
    """As a scan and a field show it: blurred and thresholded, sometimes the dotted leader at the
    foot, sometimes a light pen's broken strokes."""
    ink = td.scanned(np.pad(ink, 3))
    if rng.random() < td.DOTS:
        ink = td.dotted_under(ink)
    if rng.random() < td.BROKEN:
        ink = td.broken(ink)
    return ink


def samples(glyphs, labels, count, marks):
    """`count` crops: (X, left, right, is_pair). About 55 % pairs."""
    X, L, R, P = [], [], [], []
    while len(X) < count:
        kind = rng.random()
        left = right = 0
        if kind < 0.55:
            ink, (left, right) = pair_of(glyphs, labels)
            if rng.random() < 0.15:
                # A sliver of the next digit, the cut a little off: still these two.
                nxt, _ = pair_of(glyphs, labels, n=1)
                k = max(1, int(nxt.shape[1] * rng.uniform(0.04, 0.15)))
                ink = td.beside(ink, nxt[:, :k], -int(40 * rng.uniform(0, 0.08)))
            is_pair = 1
        else:
            is_pair = 0
            if kind < 0.72:
                ink, _ = pair_of(glyphs, labels, n=1)                 # one digit
                if rng.random() < WIDE:
                    # Drawn wide (a 5 with a long flag, a 7's long bar): as wide as two.
                    ink = td.area_resize(ink, ink.shape[0], int(ink.shape[1] * rng.uniform(1.2, 2.0)))
            elif kind < 0.80:
                ink, _ = pair_of(glyphs, labels, n=3)                 # three
            elif kind < 0.90:
                ink, _ = pair_of(glyphs, labels)                      # a digit and part of the next
                ink = ink[:, :int(ink.shape[1] * rng.uniform(0.5, 0.78))] if rng.random() < 0.5 \
                    else ink[:, int(ink.shape[1] * rng.uniform(0.22, 0.5)):]
            elif kind < 0.95:
                ink, _ = pair_of(glyphs, labels, n=1)                 # half a digit
                ink = ink[:, :max(2, int(ink.shape[1] * rng.uniform(0.3, 0.6)))]
            else:
                m = td.scaled_to(marks[rng.integers(len(marks))], int(40 * rng.uniform(0.5, 0.9)))
                g, _ = pair_of(glyphs, labels, n=1)                   # a digit with print run in
                ink = td.beside(m, g, -2) if rng.random() < 0.5 else td.beside(g, m, -2)
        n = normalise_pair(finished(ink))
        if n is None:
            continue
        X.append(n); L.append(left); R.append(right); P.append(is_pair)
    return np.array(X, np.float32), np.array(L), np.array(R), np.array(P, np.float32)


def loss_of(out, l, r, p):
    import torch.nn.functional as F
    pair_loss = F.binary_cross_entropy_with_logits(out[:, 20], p)
    m = p > 0.5
    if m.any():
        pair_loss = pair_loss + F.cross_entropy(out[m, :10], l[m], label_smoothing=0.05) \
            + F.cross_entropy(out[m, 10:20], r[m], label_smoothing=0.05)
    return pair_loss


def evaluate(net, data):
    import torch
    X, L, R, P = data
    net.eval()
    with torch.no_grad():
        out = torch.cat([net(torch.from_numpy(X[s:s + 2048]).reshape(-1, 1, HEIGHT, WIDTH)) for s in range(0, len(X), 2048)]).numpy()
    said = out[:, 20] > 0
    pairs = P > 0.5
    both = (out[:, :10].argmax(1) == L) & (out[:, 10:20].argmax(1) == R)
    return float((said & both)[pairs].mean()), float((~said)[~pairs].mean())


def train(data, held, epochs):
    import torch
    torch.manual_seed(SEED)
    torch.set_num_threads(int(os.environ.get("THREADS", "1")))
    X, L, R, P = (torch.from_numpy(a) for a in (data[0], data[1].astype(np.int64), data[2].astype(np.int64), data[3]))
    X = X.reshape(-1, 1, HEIGHT, WIDTH)
    net = td.network()
    batch, lr = 128, 2e-3
    opt = torch.optim.Adam(net.parameters(), lr=lr, weight_decay=1e-5)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=lr, total_steps=epochs * ((len(X) + batch - 1) // batch))
    for epoch in range(epochs):
        net.train()
        order = torch.randperm(len(X))
        for s in range(0, len(X), batch):
            i = order[s:s + batch]
            loss = loss_of(net(X[i]), L[i], R[i], P[i])
            opt.zero_grad(); loss.backward(); opt.step(); sched.step()
        pairs, others = evaluate(net, held)
        print(f"epoch {epoch + 1}: held-out pairs read {pairs:.4f}, not two digits refused {others:.4f}", flush=True)
    return net


def main():
    mi, ml = td.mnist_5k()
    out = td.held_out(len(mi))
    si, sl = td.sk_digits()
    g1, l1 = bank(mi[~out], ml[~out], int(os.environ.get("COPIES", "6")))
    g2, l2 = bank(si, sl, 2)
    glyphs, labels = g1 + g2, np.concatenate([l1, l2])
    hg, hl = bank(mi[out], ml[out], 1)
    marks = td.printed_marks()
    print(f"bank: {len(glyphs)} training glyphs, {len(hg)} held out", flush=True)
    data = samples(glyphs, labels, int(os.environ.get("PAIRS", "200000")), marks)
    held = samples(hg, hl, 4000, marks)
    net = train(data, held, int(os.environ.get("EPOCHS", "15")))
    pairs, others = evaluate(net, held)
    print(f"held-out MNIST pairs read exactly: {pairs:.4f}; not two digits refused: {others:.4f}")
    import base64
    with open(OUT, "w") as f:
        f.write("// Written by scripts/train-digit-pairs.py (`make model-digit-pairs`); do not edit.\n")
        f.write(f"// Held-out MNIST pairs read exactly: {pairs:.4f}; not two digits refused: {others:.4f}.\n")
        f.write("enum DigitPairModelWeights {\n")
        f.write(f"    /// The input: {HEIGHT} rows of {WIDTH} (see `InkImage.normalisedPair`).\n")
        f.write(f"    static let height = {HEIGHT}, width = {WIDTH}\n")
        f.write("    /// The layers in order (see `DigitLayer`); a ReLU after each but the last. The last gives\n")
        f.write("    /// 21 values: the left digit's ten logits, the right digit's ten, and whether the crop is two digits.\n")
        f.write(f"    static let layers: [DigitLayer] = {td.swift_layers()}\n")
        f.write("    /// Per layer: the weights (see `DigitLayer`), then the biases; IEEE half, little-endian.\n")
        f.write("    static let base64 = \"")
        f.write(base64.b64encode(td.export(net)).decode())
        f.write("\"\n}\n")
    print(f"wrote {OUT} ({os.path.getsize(OUT)} bytes)")


if __name__ == "__main__":
    main()
