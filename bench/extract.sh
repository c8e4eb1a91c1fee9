#!/usr/bin/env bash
# Letters extracted per second from text (the seeds, repeated) against the time to merely read
# the same files. Target: at least 500 letters/s on one core.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product vanthu-bench >/dev/null
taskset -c 0 .build/release/vanthu-bench extract --rounds "${ROUNDS:-200}" fixtures/s00*.txt
