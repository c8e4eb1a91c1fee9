"""Shared pieces of the OCR-restoration scripts (eval-ocr-restore.py, measure-ocr-channel.py):
rendering a page as a scan, OCR with the tesseract CLI, the text normalisation and a fast CER.

Python is used by these scripts only, never at run time.
"""
import os, re, subprocess, unicodedata
import numpy as np


def norm(s):
    """The one normalisation of every text compared: NFC, eth look-alikes as đ, whitespace runs
    as one space (the same as ../shared/eval/score.py cer)."""
    s = unicodedata.normalize("NFC", s).replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")
    return re.sub(r"\s+", " ", s).strip()


def distance(a, b):
    """Levenshtein distance, one numpy row at a time: the insertion chain along a row is a
    running minimum (cur[j] = min_k<=j t[k] + j - k), so no Python loop over columns."""
    if not a:
        return len(b)
    if not b:
        return len(a)
    bb = np.frombuffer(b.encode("utf-32-le"), dtype=np.uint32)
    idx = np.arange(len(b) + 1, dtype=np.int64)
    prev = idx.copy()
    for i, ca in enumerate(a, 1):
        sub = prev[:-1] + (bb != ord(ca))
        t = np.empty_like(prev)
        t[0] = i
        t[1:] = np.minimum(prev[1:] + 1, sub)
        prev = np.minimum.accumulate(t - idx) + idx
    return int(prev[-1])


def cer(hyp, ref):
    """distance / max(len), after norm (as score.py cer)."""
    a, b = norm(hyp), norm(ref)
    if not b:
        return 0.0 if not a else 1.0
    if not a:
        return 1.0
    return distance(a, b) / max(len(a), len(b))


def read_pgm(path):
    with open(path, "rb") as f:
        data = f.read()
    # P5 header: magic, width, height, maxval, each after whitespace (no comments from pdftoppm)
    parts = data.split(maxsplit=4)
    assert parts[0] == b"P5", path
    w, h = int(parts[1]), int(parts[2])
    return np.frombuffer(parts[4][: w * h], dtype=np.uint8).reshape(h, w).copy()


def write_pgm(path, img):
    with open(path, "wb") as f:
        f.write(b"P5\n%d %d\n255\n" % (img.shape[1], img.shape[0]))
        f.write(np.ascontiguousarray(img, dtype=np.uint8).tobytes())


def degrade(img, seed):
    """A page as an office scanner gives it: turned by a fraction of a degree, slightly blurred,
    with sensor noise and a grey background. Deterministic for a seed."""
    rng = np.random.default_rng(seed)
    h, w = img.shape
    angle = np.deg2rad(rng.uniform(-0.7, 0.7))
    # rotation about the centre, nearest neighbour (inverse mapping), white outside
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    cy, cx = h / 2, w / 2
    c, s = np.cos(angle), np.sin(angle)
    sx = c * (xx - cx) + s * (yy - cy) + cx
    sy = -s * (xx - cx) + c * (yy - cy) + cy
    sxi, syi = np.rint(sx).astype(np.int64), np.rint(sy).astype(np.int64)
    inside = (sxi >= 0) & (sxi < w) & (syi >= 0) & (syi < h)
    out = np.full((h, w), 255, dtype=np.float32)
    out[inside] = img[syi[inside], sxi[inside]]
    del yy, xx, sx, sy, sxi, syi, inside
    # a 3x3 blur (binomial kernel), as a slightly soft scan
    k = np.array([1, 2, 1], dtype=np.float32) / 4
    pad = np.pad(out, 1, mode="edge")
    out = k[0] * pad[:-2, 1:-1] + k[1] * pad[1:-1, 1:-1] + k[2] * pad[2:, 1:-1]
    pad = np.pad(out, ((0, 0), (1, 1)), mode="edge")
    out = k[0] * pad[:, :-2] + k[1] * pad[:, 1:-1] + k[2] * pad[:, 2:]
    # paper grey and noise
    out = out * 0.92 + 8 + rng.normal(0, 10, size=out.shape)
    return np.clip(out, 0, 255).astype(np.uint8)


def tesseract(image, lang, out_txt):
    """OCR of one page image with the tesseract CLI (one thread: the machine is shared)."""
    if os.path.exists(out_txt):
        return open(out_txt, encoding="utf-8").read()
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    r = subprocess.run(["tesseract", image, "-", "-l", lang], capture_output=True, text=True, env=env, check=True)
    open(out_txt, "w", encoding="utf-8").write(r.stdout)
    return r.stdout


def restore(vanthu, text):
    r = subprocess.run([vanthu, "text", "--restore", "-"], input=text, capture_output=True, text=True, check=True)
    return r.stdout
