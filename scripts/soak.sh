#!/usr/bin/env bash
# make soak: the hostile campaign of issue 10 against a built vanthu, printing its counts.
#   - >= 100 kill -9 cycles of `vanthu watch` while letters arrive (some under names already used,
#     some killed between the move and the commit), readers querying all along;
#   - a full disk on a small tmpfs (as root; skipped with a message otherwise);
#   - copies paused longer than the settle delay;
#   - >= 300 hostile files through `extract` (one process each: crashes, hangs, peak RSS), and one
#     batch mixing them with good letters (every good one must be printed).
# Not part of `make test`: it takes minutes. BIN=path/to/vanthu to try another build;
# CYCLES=n, HOSTILE=n to change the campaign's size; PHASES="kill full slow hostile" to run only
# some parts; WALL=s the wall-clock limit past which one `extract` counts as hung (default 300).
# Ends with `soak: PASS` (exit 0) when every count is what issue 10 asks, else `soak: FAIL` (exit 1).
set -uo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release/vanthu}
BIN=$(readlink -f "$BIN")
CYCLES=${CYCLES:-100}
HOSTILE=${HOSTILE:-300}
PHASES=${PHASES:-kill full slow hostile}
WALL=${WALL:-300}
[ -x "$BIN" ] || { echo "soak: $BIN is not built (make release)"; exit 1; }
W=$(mktemp -d /tmp/vanthu-soak.XXXXXX)
export TMPDIR=$W/tmp            # vanthu's own temporary folders, to measure what is left
mkdir -p "$TMPDIR"
IN=$W/inbox DB=$W/index.sqlite
mkdir -p "$IN"
LOG=$W/log
mkdir -p "$LOG"
cleanup() { for m in "$W/full/inbox" "$W/full/index"; do mountpoint -q "$m" && umount -l "$m"; done; }
trap cleanup EXIT

# A distinct letter: a seed with a line of its own (so its content hash is its own).
letter() { cat "fixtures/s00$(( $1 % 5 )).txt"; printf '\nBản sao số %s\n' "$1"; }
sha() { sha256sum "$1" | cut -d' ' -f1; }
peak() { # largest "maximum resident set size" in KB among the files given
  cat "$@" 2>/dev/null | grep -Eo '^[0-9]+$' | sort -n | tail -1 | grep . || echo 0; }

echo "soak: $BIN, work folder $W"

# Every requirement checked along the way; the verdict at the end.
failures=()
require() { # require "what" condition...
  local what=$1; shift
  "$@" || failures+=("$what")
}
phase() { [[ " $PHASES " == *" $1 "* ]]; }
# ---------------------------------------------------------------- kill -9 cycles and readers
kill_cycles() {
# A scanned page (an image-only PDF: its OCR writes temporary files, the leak a kill -9 left).
python3 - "$W/scan.pdf" <<'EOF'
import sys, zlib
w, h = 620, 877   # half an A4 page at 150 dpi: OCR all the same, in a quarter of the time
rows = []
for y in range(h):
    row = bytearray(b'\xff' * w)
    if 100 < y < 750 and (y // 18) % 2 == 0:
        for x in range(75, 550):
            if (x // 9 + y // 18) % 3: row[x] = 0
    rows.append(b'\x00' + bytes(row))
img = zlib.compress(b''.join(rows))
objs = [b'<< /Type /Catalog /Pages 2 0 R >>', b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>',
        b'<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /DecodeParms << /Predictor 15 /Columns %d >> /Length %d >>\nstream\n' % (w, h, w, len(img)) + img + b'\nendstream',
        b'<< /Length 31 >>\nstream\nq 595 0 0 842 0 0 cm /Im0 Do Q\nendstream']
out = bytearray(b'%PDF-1.4\n'); offs = []
for i, o in enumerate(objs, 1):
    offs.append(len(out)); out += b'%d 0 obj\n' % i + o + b'\nendobj\n'
x = len(out)
out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1) + b''.join(b'%010d 00000 n \n' % o for o in offs)
out += b'trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(objs) + 1, x)
open(sys.argv[1], 'wb').write(out)
EOF
: > "$W/expected"
reader_fail=0; reader_runs=0
( while [ ! -e "$W/stop-readers" ]; do
    for q in "search --db $DB văn" "deadlines --db $DB" "search --db $DB kế hoạch"; do
      if "$BIN" $q >/dev/null 2>"$LOG/reader.err"; then echo ok >> "$W/readers"; else
        # An index not created yet is not a reader failure.
        [ -e "$DB" ] && { echo fail >> "$W/readers"; cat "$LOG/reader.err" >> "$W/reader-errors"; }; fi
    done
  done ) &
READERS=$!
n=0; crashes=0
for cycle in $(seq 1 "$CYCLES"); do
  # New letters arrive; every tenth cycle one reuses the name of a letter already handled.
  for k in 1 2 3; do
    n=$((n + 1))
    # (Only once the earlier thu-1.txt has left the inbox: replacing a file not yet read is the
    # user's loss, not the inbox's.)
    name="thu-$n.txt"; [ $((cycle % 10)) -eq 0 ] && [ "$k" = 1 ] && [ ! -e "$IN/thu-1.txt" ] && name="thu-1.txt"
    letter "$n" > "$IN/.$name.part" && mv "$IN/.$name.part" "$IN/$name"
    sha "$IN/$name" >> "$W/expected"
  done
  # Every third cycle a scan too (a distinct copy: a comment after %%EOF); not counted as a letter,
  # only watched for the temporary files its OCR leaves when killed.
  if [ $((cycle % 3)) -eq 0 ]; then { cat "$W/scan.pdf"; echo "% copy $cycle"; } > "$IN/.scan-$cycle.pdf" && mv "$IN/.scan-$cycle.pdf" "$IN/scan-$cycle.pdf"; fi
  pause=""; [ $((cycle % 4)) -eq 0 ] && pause=0.3   # every fourth run: a window between move and commit
  # Started directly (not under time(1)), so the pid killed is the watcher's own; its peak RSS is
  # read from /proc just before the kill.
  VANTHU_FAULT_PAUSE_AFTER_MOVE=$pause "$BIN" watch --db "$DB" --settle 0.1 --workers 2 "$IN" 2>"$LOG/watch-$cycle.log" &
  pid=$!
  sleep "0.$(( RANDOM % 9 + 1 ))"
  awk '/VmHWM/ {print $2}' "/proc/$pid/status" > "$LOG/rss-watch-$cycle" 2>/dev/null
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  grep -q -E "Fatal error|Illegal instruction|Segmentation" "$LOG/watch-$cycle.log" && crashes=$((crashes + 1))
done
# The last restart: runs until the inbox is empty, then stops cleanly.
"$BIN" watch --db "$DB" --settle 0.1 --workers 2 "$IN" 2>"$LOG/watch-final.log" &
pid=$!
# (Waits as long as files keep leaving the inbox: on a loaded machine each scan's OCR takes a
# minute; only ten minutes without progress end the wait.)
last_left=-1; still=0
while [ -n "$(find "$IN" -maxdepth 1 -type f ! -name '.*' | head -1)" ] && [ $still -lt 3000 ]; do
  now_left=$(find "$IN" -maxdepth 1 -type f ! -name '.*' | wc -l)
  if [ "$now_left" = "$last_left" ]; then still=$((still + 1)); else still=0; last_left=$now_left; fi
  sleep 0.2
done
kill -TERM "$pid"; wait "$pid"; final_status=$?
touch "$W/stop-readers"; wait "$READERS" 2>/dev/null
temp_left=$(du -sk "$TMPDIR" | cut -f1); temp_dirs=$(find "$TMPDIR" -mindepth 1 -maxdepth 1 | wc -l)

sort -u "$W/expected" > "$W/expected.u"
find "$IN/.done" -type f -exec sha256sum {} + 2>/dev/null | cut -d' ' -f1 | sort > "$W/done"
sqlite3 "$DB" "select sha256 from original_files" | sort > "$W/indexed"
scans_seen=$(find "$IN/.done" "$IN/.failed" -name 'scan-*.pdf' 2>/dev/null | wc -l)
# Lost: neither archived nor still waiting in the inbox.
find "$IN" -maxdepth 1 -type f ! -name '.*' -exec sha256sum {} + 2>/dev/null | cut -d' ' -f1 | sort -u > "$W/waiting"
lost=$(comm -23 "$W/expected.u" <(sort -u "$W/done" "$W/waiting") | wc -l)
unindexed=$(comm -23 "$W/expected.u" <(sort -u "$W/indexed") | wc -l)
doubled=$(uniq -d "$W/done" | wc -l)
letters=$(sqlite3 "$DB" "select count(*) from letters")
left=$(find "$IN" -maxdepth 1 -type f ! -name '.*' | wc -l)
failed_good=$(find "$IN/.failed" -type f ! -name '*.error.txt' ! -name 'scan-*' 2>/dev/null | wc -l)
open_jobs=$(sqlite3 "$DB" "select count(*) from jobs where state not in ('done')")
reader_runs=$(grep -c . "$W/readers" 2>/dev/null); reader_fail=$(grep -c fail "$W/readers" 2>/dev/null)
reader_runs=${reader_runs:-0}; reader_fail=${reader_fail:-0}
echo "kill -9 cycles:        $CYCLES (letters dropped $(wc -l < "$W/expected.u"), letters indexed $letters)"
echo "  lost:                $lost (neither in .done nor waiting), $unindexed (not in the index)"
echo "  doubled:             $doubled"
echo "  left in inbox:       $left; good files in .failed: $failed_good; jobs not done: $open_jobs"
echo "  scans (OCR in a temp folder): $scans_seen handled of $((CYCLES / 3))"
echo "  temp space after last restart: ${temp_left} KB in $temp_dirs folders"
echo "  last stop exit:      $final_status; crashes: $crashes"
echo "  readers:             $reader_runs queries, $reader_fail failed"
echo "  peak RSS of watch:   $(( $(peak "$LOG"/rss-watch-*) / 1024 )) MB"
require "kill -9: >= 100 cycles" test "$CYCLES" -ge 100
require "kill -9: 0 lost" test "$lost" = 0 -a "$unindexed" = 0
require "kill -9: 0 doubled" test "$doubled" = 0
require "kill -9: 0 left in the inbox" test "$left" = 0 -a "$open_jobs" = 0 -a "$failed_good" = 0
require "kill -9: temp space back to zero" test "$temp_dirs" = 0
require "kill -9: readers never failed" test "$reader_fail" = 0
}
# ---------------------------------------------------------------- full disk on a small tmpfs
full_disk() {
F=$W/full; mkdir -p "$F/inbox" "$F/index"
if mount -t tmpfs -o size=1m tmpfs "$F/inbox" 2>/dev/null && mount -t tmpfs -o size=2m tmpfs "$F/index" 2>/dev/null; then
  "$BIN" ingest --db "$F/index/x.sqlite" fixtures/s002.txt >/dev/null 2>&1
  VANTHU_RETRY_DELAY=0.2 "$BIN" watch --db "$F/index/x.sqlite" --settle 0.1 "$F/inbox" 2>"$LOG/full.log" &
  pid=$!; sleep 1
  dd if=/dev/zero of="$F/index/.fill" bs=4k 2>/dev/null
  for i in 1 2 3; do letter $((1000 + i)) > "$F/inbox/tot-$i.txt"; done
  head -c 40 /dev/urandom > "$F/inbox/hong.pdf"
  dd if=/dev/zero of="$F/inbox/.fill" bs=4k 2>/dev/null
  sleep 2
  quarantined=$(find "$F/inbox/.failed" -name 'tot-*' 2>/dev/null | wc -l)
  rm -f "$F/index/.fill"
  for _ in $(seq 1 100); do [ -z "$(find "$F/inbox" -maxdepth 1 -type f ! -name '.*')" ] && break; sleep 0.2; done
  kill -TERM $pid; wait $pid; st=$?
  echo "disk full:             good quarantined while full: $quarantined; done $(find "$F/inbox/.done" -type f | wc -l)/3;" \
       "bad in .failed $(find "$F/inbox/.failed" -name 'hong.pdf' | wc -l)/1; left $(find "$F/inbox" -maxdepth 1 -type f ! -name '.*' | wc -l);" \
       "jobs not done $(sqlite3 "$F/index/x.sqlite" "select count(*) from jobs where state<>'done'"); exit $st"
  require "disk full: no good file quarantined" test "$quarantined" = 0
  umount -l "$F/inbox"; umount -l "$F/index"
else
  echo "disk full:             skipped (mounting a tmpfs needs root)"
fi
}
# ---------------------------------------------------------------- slow copies
slow_copies() {
S=$W/slow; mkdir -p "$S/inbox"
"$BIN" watch --db "$S/x.sqlite" --settle 0.3 "$S/inbox" 2>"$LOG/slow.log" &
pid=$!
for i in 1 2 3 4 5; do
  letter $((2000 + i)) > "$S/src-$i.txt"
  python3 - "$S/src-$i.txt" "$S/inbox/cham-$i.txt" <<'EOF' &
import sys, time
data = open(sys.argv[1], 'rb').read()
with open(sys.argv[2], 'wb') as f:
    for k in range(4):
        f.write(data[k * len(data) // 4:(k + 1) * len(data) // 4]); f.flush()
        time.sleep(1.2)          # paused longer than the settle delay, the file still open
EOF
done
wait $(jobs -p | grep -v "^$pid$") 2>/dev/null
for _ in $(seq 1 100); do [ -z "$(find "$S/inbox" -maxdepth 1 -type f ! -name '.*')" ] && break; sleep 0.2; done
kill -TERM $pid; wait $pid
half=0
for i in 1 2 3 4 5; do
  s=$(sha "$S/src-$i.txt")
  [ "$(sqlite3 "$S/x.sqlite" "select count(*) from original_files where sha256='$s'")" = 1 ] || half=$((half + 1))
done
echo "slow copies:           5 paused copies, $half indexed other than whole"
require "slow copies: none indexed half-written" test "$half" = 0
}
# ---------------------------------------------------------------- hostile files through extract
hostile_files() {
H=$W/hostile; mkdir -p "$H"
python3 - "$H" "$HOSTILE" <<'PY'
import os, random, sys, zlib, struct
d, n = sys.argv[1], int(sys.argv[2]); random.seed(10)
good = open('fixtures/s000.txt', 'rb').read()
def add(name, data): open(os.path.join(d, name), 'wb').write(data)
def one_line(size):  # the letter again and again on one line, cut on a character boundary
    line = good.replace(b'\n', b' ')
    return (line * (size // len(line) + 1))[:size].decode('utf-8', 'ignore').encode()
for i in range(n):
    k = i % 15
    if k == 0: add(f'r{i}.pdf', os.urandom(random.randint(1, 7)))
    elif k == 1: add(f'r{i}.png', b'\x89PNG\r\n\x1a\n' + os.urandom(random.randint(0, 400)))
    elif k == 2: add(f'r{i}.pdf', b'%PDF-1.4\n' + os.urandom(random.randint(10, 3000)))
    elif k == 3: add(f'r{i}.doc', b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1' + os.urandom(random.randint(0, 2000)))
    elif k == 4: add(f'-x{i}.doc', b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1' + os.urandom(512))
    elif k == 5: add(f'r{i}.docx', b'PK\x03\x04' + os.urandom(random.randint(30, 2000)) + b'word/document.xml')
    elif k == 6: add(f'r{i}.tif', b'II*\x00' + os.urandom(random.randint(4, 800)))
    elif k == 7: add(f'r{i}.jpg', b'\xff\xd8\xff' + os.urandom(random.randint(4, 800)))
    elif k == 8: add(f'e{i}.txt', b'')
    elif k == 9: add(f'l{i}.txt', one_line(len(good) * random.randint(1, 40)))
    elif k == 10: add(f'c{i}.txt', bytes(random.randint(1, 31) for _ in range(random.randint(1, 2000))))
    elif k == 11: add(f'z{i}.docx', b'PK\x03\x04\x14\x00\x00\x00\x08\x00' + b'\x00' * 16 + struct.pack('<HH', 17, 0) + b'word/document.xml' + zlib.compress(b'<w:t>' + b'A' * 5_000_000 + b'</w:t>')[2:-4])
    elif k == 12: add(f't{i}.txt', good[:random.randint(1, len(good))])
    elif k == 13: os.mkfifo(os.path.join(d, f'f{i}.txt'))
    elif k == 14: os.symlink('/dev/zero' if i % 2 else '/etc/passwd', os.path.join(d, f's{i}.txt'))
add('mot-dong-10MB.txt', one_line(10_000_000))
open(os.path.join(d, 'sparse-1GiB.txt'), 'wb').truncate(1 << 30)
os.symlink(os.path.join(d, 'sparse-1GiB.txt'), os.path.join(d, 'link-to-1GiB.txt'))
os.symlink('/dev/zero', os.path.join(d, 'zero.txt'))
PY
# One process per file, one worker each, under /usr/bin/time (its peak RSS) and a wall limit.
total=0; hcrash=0; hhang=0; hodd=0; unnamed=0; refused=0; read_ok=0
: > "$W/hostile-report"
for f in "$H"/*; do
  [ -e "$f" ] || [ -L "$f" ] || continue
  b=$(basename "$f"); total=$((total + 1))
  t0=$(date +%s%N)
  timeout -k 5 "$WALL" /usr/bin/time -f '%M' -o "$LOG/rss-x-$b" "$BIN" extract --workers 1 --json -- "$f" >/dev/null 2>"$LOG/x-$b.err"
  st=$?
  took=$(( ($(date +%s%N) - t0) / 1000000000 ))
  if [ $st = 124 ] || { [ $st = 137 ] && [ "$took" -ge "$WALL" ]; }; then
    hhang=$((hhang + 1)); echo "hang (${took}s): $b" >> "$W/hostile-report"
  elif [ $st -ge 128 ] || grep -q -E "Fatal error|Illegal instruction|Segmentation|Command terminated by signal" "$LOG/x-$b.err" "$LOG/rss-x-$b"; then
    hcrash=$((hcrash + 1)); echo "crash (status $st): $b $(head -c 300 "$LOG/x-$b.err")" >> "$W/hostile-report"
  elif [ $st = 0 ]; then read_ok=$((read_ok + 1))
  elif [ $st = 1 ]; then
    refused=$((refused + 1))
    # A refusal names its file and says why, in words (no Foundation error code).
    if ! grep -qF -- "$b" "$LOG/x-$b.err" || grep -q "NSCocoaErrorDomain\|error [0-9][0-9]*\.\?$" "$LOG/x-$b.err"; then
      unnamed=$((unnamed + 1)); echo "unclear message: $b $(head -c 300 "$LOG/x-$b.err")" >> "$W/hostile-report"; fi
  else hodd=$((hodd + 1)); echo "exit $st: $b $(head -c 300 "$LOG/x-$b.err")" >> "$W/hostile-report"; fi
done
peak_one=$(( $(peak "$LOG"/rss-x-*) / 1024 ))
# One batch: good letters among all the hostile files (two workers); every good one must be printed.
goods=(); for i in 1 2 3 4 5; do letter $((3000 + i)) > "$W/good-$i.txt"; goods+=("$W/good-$i.txt"); done
mapfile -t all < <(find "$H" -mindepth 1 -maxdepth 1 | sort)
third=$(( ${#all[@]} / 3 ))
batch=("${goods[0]}" "${all[@]:0:$third}" "${goods[1]}" "$H/mot-dong-10MB.txt" "${goods[2]}" "${all[@]:$third:$third}"
       "${goods[3]}" "${all[@]:$((2 * third))}" "${goods[4]}")
t0=$(date +%s)
timeout -k 5 $((WALL * 2)) /usr/bin/time -f '%M' -o "$LOG/rss-batch" "$BIN" extract --workers 2 --json -- "${batch[@]}" \
  > "$W/batch.jsonl" 2>"$LOG/batch.err"
bst=$?; btook=$(( $(date +%s) - t0 ))
printed=0; for i in 1 2 3 4 5; do grep -q "\"file\":\"good-$i.txt\"" "$W/batch.jsonl" && printed=$((printed + 1)); done
echo "hostile files:         $total, one extract each (1 worker, wall limit ${WALL}s): $hcrash crashes (signals), $hhang hangs, $hodd other exits"
echo "  refused with a reason: $refused ($unnamed without the file's name or with a raw error code); read: $read_ok"
echo "  peak RSS per worker:  $peak_one MB"
echo "  10 MB one-line text:  $(grep -q . "$LOG/x-mot-dong-10MB.txt.err" && head -c 200 "$LOG/x-mot-dong-10MB.txt.err" || echo "read, $(cat "$LOG/rss-x-mot-dong-10MB.txt") KB peak")"
echo "  batch of ${#batch[@]} (5 good among them, 2 workers): $printed of 5 good letters printed; exit $bst in ${btook}s, peak RSS $(( $(peak "$LOG/rss-batch") / 1024 )) MB"
[ -s "$W/hostile-report" ] && head -20 "$W/hostile-report"
require "hostile: >= 300 files" test "$total" -ge 300
require "hostile: 0 crashes" test "$hcrash" = 0
require "hostile: 0 hangs" test "$hhang" = 0
require "hostile: peak memory per worker < 600 MB" test "$peak_one" -lt 600
require "hostile: every refusal names its file" test "$unnamed" = 0 -a "$hodd" = 0
require "hostile: the good files of the batch all printed" test "$printed" = 5
}

phase kill && kill_cycles
phase full && full_disk
phase slow && slow_copies
phase hostile && hostile_files
echo "soak: logs in $W/log"
if [ ${#failures[@]} = 0 ]; then echo "soak: PASS ($PHASES)"; else
  echo "soak: FAIL"; printf '  - %s\n' "${failures[@]}"; exit 1; fi
