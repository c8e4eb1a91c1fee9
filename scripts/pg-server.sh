#!/usr/bin/env bash
# A throw-away PostgreSQL server on loopback, for the tests, the soak and the bench.
#
#   scripts/pg-server.sh start DIR [PORT]   initdb DIR (if new), start it, print its URL
#   scripts/pg-server.sh stop DIR
#   scripts/pg-server.sh restart DIR        pg_ctl restart -m fast (the fault tests use it)
#   scripts/pg-server.sh url DIR
#
# PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user that
# Debian's package creates and every pg_ctl runs through runuser. The cluster listens on
# 127.0.0.1 only and trusts loopback connections: it is for tests; the README's province set-up
# uses scram passwords. The superuser is `vanthu`, the database `vanthu`.
set -euo pipefail
cmd=${1:?usage: pg-server.sh start|stop|restart|url DIR [PORT]}
dir=${2:?usage: pg-server.sh start|stop|restart|url DIR [PORT]}
port=${3:-55432}

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
[ -n "$bindir" ] && [ -x "$bindir/pg_ctl" ] || { echo "pg-server: PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 3; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

url() { echo "postgresql://vanthu@127.0.0.1:$(cat "$dir/port")/vanthu"; }

case "$cmd" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_owner "$bindir/initdb" -D "$dir/data" -U vanthu --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { echo "pg-server: initdb failed, see $dir/initdb.log" >&2; exit 3; }
      echo "$port" | as_owner tee "$dir/port" >/dev/null
    fi
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $(cat "$dir/port") -k $dir -c max_connections=200 -c fsync=on" start >/dev/null \
      || { echo "pg-server: the server did not start, see $dir/server.log" >&2; exit 3; }
    as_owner "$bindir/psql" -h 127.0.0.1 -p "$(cat "$dir/port")" -U vanthu -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname = 'vanthu'" | grep -q 1 \
      || as_owner "$bindir/createdb" -h 127.0.0.1 -p "$(cat "$dir/port")" -U vanthu vanthu
    url ;;
  stop)
    [ -f "$dir/data/PG_VERSION" ] && as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true ;;
  restart)
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w -t 60 restart \
      -o "-c listen_addresses=127.0.0.1 -p $(cat "$dir/port") -k $dir -c max_connections=200" -l "$dir/server.log" >/dev/null ;;
  url) url ;;
  *) echo "pg-server: unknown command $cmd" >&2; exit 2 ;;
esac
