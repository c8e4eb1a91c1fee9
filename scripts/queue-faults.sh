#!/usr/bin/env bash
# The province's queue under faults, with real processes (issue 14):
#   a PostgreSQL server of its own (scripts/pg-server.sh), two offices, one `vanthu watch --office`
#   per office, 3 `vanthu worker` processes; 60 distinct text letters (30 per office) plus copies
#   (the same content twice in one office, the same content in both offices) dropped while a worker
#   is killed with SIGKILL every few seconds (and started again) and the server is restarted once
#   (pg_ctl restart -m fast) in the middle.
# Then every file must have given exactly one letter in its own office, the register numbers of
# each office must run 1..n without a gap, nothing may be left in the queue or in the inboxes, and
# every file must be in its inbox's .done/.
#
#   scripts/queue-faults.sh [VANTHU_BINARY]        exit 0: passed; 1: failed; 3: no PostgreSQL here
#
# The PipelineTests suite runs it (QueueFaultTests); it prints its counts on its last line.
set -uo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/debug/vanthu}
bin=$(realpath "$bin")
[ -x "$bin" ] || { echo "queue-faults: $bin is not built" >&2; exit 1; }
work=$(mktemp -d /tmp/vanthu-queue-faults.XXXXXX)
chmod 755 "$work"
port=$(( 56000 + RANDOM % 4000 ))
pids=()
cleanup() {
  for p in "${pids[@]}" "${workers[@]:-}"; do [ -n "$p" ] && kill -9 "$p" 2>/dev/null; done
  wait 2>/dev/null
  scripts/pg-server.sh stop "$work/pg" >/dev/null 2>&1 || true
  [ -n "${KEEP:-}" ] && { echo "queue-faults: kept $work" >&2; return; }
  rm -rf "$work"
}
trap cleanup EXIT

url=$(scripts/pg-server.sh start "$work/pg" "$port") || exit 3
export VANTHU_DB="$url" VANTHU_LANG=en VANTHU_TODAY=2026-12-01
# Short leases so that the jobs of a killed worker come back within the test's time.
lease=3
fail() { echo "queue-faults: FAILED: $*" >&2; for f in "$work"/*.log; do echo "--- $f" >&2; tail -20 "$f" >&2; done; exit 1; }
psqlq() { psql -X -q -tA "$url" -c "$1"; }

"$bin" admin add-office VP "Văn phòng UBND tỉnh" >"$work/admin.log" 2>&1 || fail "add-office VP: $(cat "$work/admin.log")"
"$bin" admin add-office STP "Sở Tư pháp" >>"$work/admin.log" 2>&1 || fail "add-office STP: $(cat "$work/admin.log")"

# The letters: seeds with a line of their own, so each content (and hash) is distinct.
seeds=(fixtures/s000.txt fixtures/s001.txt fixtures/s002.txt fixtures/s003.txt fixtures/s004.txt)
mkdir -p "$work/src/VP" "$work/src/STP" "$work/inbox/VP" "$work/inbox/STP"
for office in VP STP; do
  for n in $(seq 1 30); do
    { cat "${seeds[$(( n % 5 ))]}"; printf '\nBản sao số %s của %s\n' "$n" "$office"; } > "$work/src/$office/thu-$n.txt"
  done
done
# Copies: the same content again in the same office (one letter), and VP's letter 1 also sent to STP
# (one letter in each office).
cp "$work/src/VP/thu-2.txt" "$work/src/VP/thu-2-ban-sao.txt"
cp "$work/src/VP/thu-1.txt" "$work/src/STP/tu-vp-thu-1.txt"

start_watch() { "$bin" watch --office "$1" --settle 0.2 "$work/inbox/$1" >>"$work/watch-$1.log" 2>&1 & pids+=($!); }
workers=()
start_worker() { "$bin" worker --workers 1 --lease "$lease" --poll 0.2 >>"$work/worker-$1.log" 2>&1 & workers[$1]=$!; }
start_watch VP; start_watch STP
for w in 0 1 2; do start_worker $w; done

# Drop the files a few at a time, as copies do (hidden name, then renamed in), and kill a worker
# every 2 s; restart the server once half the files are in.
files=()
for office in VP STP; do for f in "$work/src/$office"/*.txt; do files+=("$office/$(basename "$f")"); done; done
total=${#files[@]}
kills=0; restarted=0; i=0; last_kill=$SECONDS
deadline=$(( SECONDS + 240 ))
while :; do
  for _ in 1 2 3; do
    [ $i -lt $total ] || break
    office=${files[$i]%%/*}; name=${files[$i]#*/}
    cp "$work/src/$office/$name" "$work/inbox/$office/.$name.part" && mv "$work/inbox/$office/.$name.part" "$work/inbox/$office/$name"
    i=$(( i + 1 ))
  done
  if [ $(( SECONDS - last_kill )) -ge 2 ]; then
    w=$(( RANDOM % 3 ))
    kill -9 "${workers[$w]}" 2>/dev/null; wait "${workers[$w]}" 2>/dev/null
    kills=$(( kills + 1 )); last_kill=$SECONDS
    start_worker $w
  fi
  if [ $restarted = 0 ] && [ $i -ge $(( total / 2 )) ]; then
    scripts/pg-server.sh restart "$work/pg" || fail "the server did not restart"
    restarted=1
  fi
  if [ $i -ge $total ]; then
    left=$(psqlq "SELECT count(*) FROM queue_jobs WHERE state <> 'done'" 2>/dev/null || echo x)
    inbox=$(find "$work/inbox/VP" "$work/inbox/STP" -maxdepth 1 -type f | wc -l)
    [ "$left" = 0 ] && [ "$inbox" = 0 ] && [ $kills -ge 3 ] && break
  fi
  [ $SECONDS -lt $deadline ] || fail "still not done after 240 s: jobs not done: $left, files in the inboxes: $inbox"
  sleep 0.3
done
# Stop everything cleanly: SIGTERM must end them with 0 (once started: a worker restarted a moment
# ago may not yet have its signal handler, and would die of the signal, harmlessly but not cleanly).
sleep 2
for p in "${pids[@]}" "${workers[@]}"; do kill -TERM "$p" 2>/dev/null; done
for p in "${pids[@]}" "${workers[@]}"; do wait "$p"; s=$?; [ $s = 0 ] || fail "a process ended with $s after SIGTERM"; done
pids=(); workers=()

# What must hold.
parked=$(psqlq "SELECT count(*) FROM queue_jobs WHERE state = 'parked'")
[ "$parked" = 0 ] || fail "$parked jobs parked: $(psqlq "SELECT file_name, reason_en FROM queue_jobs WHERE state = 'parked'")"
for office in VP STP; do
  expected=$(for f in "$work/src/$office"/*.txt; do sha256sum "$f" | cut -d' ' -f1; done | LC_ALL=C sort -u)
  queued=$(psqlq "SELECT sha256 FROM queue_jobs WHERE office = '$office' ORDER BY sha256")
  [ "$queued" = "$expected" ] || fail "$office: the queue's contents differ from the files dropped"
  stored=$(psqlq "SELECT f.sha256 FROM letters l JOIN original_files f ON f.letter_id = l.id WHERE l.office = '$office' ORDER BY 1")
  [ "$stored" = "$expected" ] || fail "$office: the letters stored are not one per file content ($(echo "$stored" | wc -l) for $(echo "$expected" | wc -l))"
  n=$(echo "$expected" | wc -l)
  numbers=$(psqlq "SELECT arrival_number FROM letters WHERE office = '$office' ORDER BY arrival_number" | tr '\n' ' ')
  [ "$numbers" = "$(seq -s ' ' 1 "$n") " ] || fail "$office: register numbers are not 1..$n: $numbers"
  done_files=$(find "$work/inbox/$office/.done" -type f | wc -l)
  [ "$done_files" = "$(ls "$work/src/$office" | wc -l)" ] || fail "$office: $done_files files in .done for $(ls "$work/src/$office" | wc -l) dropped"
  [ ! -d "$work/inbox/$office/.failed" ] || fail "$office: files went to .failed: $(ls "$work/inbox/$office/.failed")"
done
others=$(psqlq "SELECT count(*) FROM letters WHERE office NOT IN ('VP', 'STP')")
[ "$others" = 0 ] || fail "$others letters in no office of the test"
lapses=$(psqlq "SELECT coalesce(sum(lapses), 0) FROM queue_jobs")
echo "queue-faults: $total files, $(psqlq "SELECT count(*) FROM letters") letters, $kills kills, $restarted server restart, $lapses leases run out: passed"
