#!/usr/bin/env bash
# Issue 14: the province's PostgreSQL index against SQLite on the same letters (LETTERS, default
# 1 000 000, from OFFICES=100 offices): deadlines of one office, province-wide, search. The bench
# starts its own PostgreSQL server on loopback (scripts/pg-server.sh) and removes it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product vanthu-province-bench >/dev/null
pgdir=$(mktemp -d /tmp/vanthu-bench-pg.XXXXXX)
trap 'scripts/pg-server.sh stop "$pgdir" || true; rm -rf "$pgdir"' EXIT
url=$(scripts/pg-server.sh start "$pgdir" "${PGPORT_BENCH:-55499}") || { echo "province: no PostgreSQL server could be started; skipped"; exit 0; }
.build/release/vanthu-province-bench --postgres "$url" --letters "${LETTERS:-1000000}" --offices "${OFFICES:-100}"
