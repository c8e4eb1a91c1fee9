#!/usr/bin/env bash
# The province's queue (issue 14): throughput of text letters read through the PostgreSQL queue by
# 1, 2 and 4 `vanthu worker` processes, against `vanthu ingest` of the same files into the same
# kind of index (PostgreSQL, one office, one reading thread) measured in the same run; and the
# queue's own overhead per job in ms (what a job costs beyond reading and storing its letter).
# Starts its own PostgreSQL server (scripts/pg-server.sh) on loopback and stops it at the end.
#   FILES=240 bash bench/queue.sh        VANTHU_BIN=.build/debug/vanthu FILES=60 bash bench/queue.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# VANTHU_BIN: another build to measure (a debug one; the ratios hold within one binary).
bin=${VANTHU_BIN:-.build/release/vanthu}
[ -x "$bin" ] || swift build -c release --product vanthu >/dev/null
bin=$(realpath "$bin")
files=${FILES:-240}
work=$(mktemp -d /tmp/vanthu-bench-queue.XXXXXX)
chmod 755 "$work"
cleanup() { scripts/pg-server.sh stop "$work/pg" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
base=$(scripts/pg-server.sh start "$work/pg" $(( 57000 + RANDOM % 2000 ))) || { echo "queue: no PostgreSQL here (skipped)"; exit 0; }
server=${base%/*}
export VANTHU_LANG=en VANTHU_TODAY=2026-12-01

# Distinct text letters: the seeds, each with a line of its own.
mkdir -p "$work/letters"
seeds=(fixtures/s000.txt fixtures/s001.txt fixtures/s002.txt fixtures/s003.txt fixtures/s004.txt)
for n in $(seq 1 "$files"); do
  { cat "${seeds[$(( n % 5 ))]}"; printf '\nBản sao số %s\n' "$n"; } > "$work/letters/thu-$n.txt"
done

now() { date +%s.%N; }
sub() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f", a - b }'; }
fresh_db() {   # a database of its own for each measure, with the office BENCH
  psql -X -q "$base" -c "CREATE DATABASE $1" >/dev/null
  "$bin" admin add-office BENCH "Văn phòng" --db "$server/$1" >/dev/null
  echo "$server/$1"
}

# Baseline: the same files through `vanthu ingest`, one reading thread, into PostgreSQL.
url=$(fresh_db direct)
t0=$(now)
"$bin" ingest --db "$url" --office BENCH --workers 1 "$work/letters" >/dev/null 2>"$work/direct.log"
t1=$(now)
direct=$(sub "$t1" "$t0")

# The queue: the office's watcher queues every file (timed apart), then k worker processes (one
# reading thread each) empty it; timed from their start to the last job done.
queue_run() {
  local k=$1 url inbox t0 t1 t2 left pids=()
  url=$(fresh_db "queue$k")
  inbox="$work/inbox$k"; mkdir -p "$inbox"; cp "$work/letters"/*.txt "$inbox/"
  t0=$(now)
  "$bin" watch --db "$url" --office BENCH --settle 0 --poll 0.05 "$inbox" 2>"$work/watch$k.log" & local watcher=$!
  while [ "$(find "$inbox" -maxdepth 1 -type f | wc -l)" != 0 ]; do sleep 0.05; done
  t1=$(now)
  kill -TERM $watcher; wait $watcher || true
  for _ in $(seq 1 "$k"); do "$bin" worker --db "$url" --workers 1 --poll 0.05 2>>"$work/worker$k.log" & pids+=($!); done
  # One psql waiting on the server, not one process started per look (it would take a core's share).
  psql -X -q "$url" -c "DO \$\$ BEGIN
      WHILE EXISTS (SELECT 1 FROM queue_jobs WHERE state <> 'done') LOOP PERFORM pg_sleep(0.02); END LOOP;
    END \$\$" >/dev/null
  t2=$(now)
  for p in "${pids[@]}"; do kill -TERM "$p"; done
  for p in "${pids[@]}"; do wait "$p" || true; done
  local stored
  stored=$(psql -X -tA "$url" -c "SELECT count(*) FROM letters")
  [ "$stored" = "$files" ] || { echo "queue: $k workers stored $stored letters for $files files" >&2; exit 1; }
  echo "$(sub "$t1" "$t0") $(sub "$t2" "$t1")"
}

read -r enq1 q1 <<<"$(queue_run 1)"
read -r enq2 q2 <<<"$(queue_run 2)"
read -r enq4 q4 <<<"$(queue_run 4)"

cores=$(nproc)
awk -v n="$files" -v d="$direct" -v e="$enq1" -v q1="$q1" -v q2="$q2" -v q4="$q4" -v cores="$cores" 'BEGIN {
  printf "text letters: %d files, %d cores, PostgreSQL on loopback\n", n, cores
  printf "baseline  vanthu ingest --workers 1     %7.1f letters/s  (%.1f ms a letter)\n", n / d, 1000 * d / n
  printf "queue     1 worker process            %7.1f letters/s  = %.2f x ingest\n", n / q1, d / q1
  printf "queue     2 worker processes          %7.1f letters/s  = %.2f x ingest, %.2f x 1 worker\n", n / q2, d / q2, q1 / q2
  printf "queue     4 worker processes          %7.1f letters/s  = %.2f x ingest, %.2f x 1 worker\n", n / q4, d / q4, q1 / q4
  printf "queue overhead per job                %7.2f ms  (1 worker against ingest: %+.0f%% of a letter)\n", 1000 * (q1 - d) / n, 100 * (q1 - d) / d
  printf "enqueue   vanthu watch --office       %7.1f files/s  (%.2f ms a file, %.2f x a letter read)\n", n / e, 1000 * e / n, e / d
}'
