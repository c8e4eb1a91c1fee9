#!/usr/bin/env bash
# The index: ingest rate from text, and `deadlines`/`search` latency on 100 000 letters against a
# bare SELECT count(*) in the same run. Targets: deadlines < 20 ms, search < 50 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product vanthu-store-bench >/dev/null
.build/release/vanthu-store-bench --letters "${LETTERS:-100000}" fixtures/s00*.txt
