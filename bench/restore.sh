#!/usr/bin/env bash
# Diacritic restoration: syllables restored per second on one core (the fixtures stripped of their
# marks), as a ratio to folding the same text in the same run; the model's load time and peak RSS.
# Targets (issue 12): >= 100000 syllables/s, load < 0.5 s, RSS < 300 MB. Then a large file
# (STREAM_MB, 50 by default: issue 12's 50 MB case) through the streaming path that
# `vanthu text --restore -` uses: its time and the peak memory after it.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product vanthu-bench >/dev/null
taskset -c 0 .build/release/vanthu-bench restore --rounds "${ROUNDS:-20}" --stream-mb "${STREAM_MB:-50}" fixtures/s00*.txt
