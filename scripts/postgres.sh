#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server on loopback for the test suite, installing it from Debian when
# missing. Usage: scripts/postgres.sh start|stop. Prints the admin connection URL on start.
# PG_EXTRA_OPTS adds server options (bench:scale preloads pg_stat_statements).
set -euo pipefail
PGPORT="${PGPORT:-54329}"
PGDIR="${PGDIR:-/tmp/dangjian-pg}"
BIN=""

find_bin() {
  for v in 17 16 15 14 13; do
    if [ -x "/usr/lib/postgresql/$v/bin/initdb" ]; then BIN="/usr/lib/postgresql/$v/bin"; return 0; fi
  done
  return 1
}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-start}" in
  start)
    if ! find_bin; then
      echo "installing PostgreSQL from Debian…" >&2
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2
      find_bin
    fi
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres
    as_postgres "$BIN/pg_ctl" -D "$PGDIR" stop -m immediate >/dev/null 2>&1 || true
    rm -rf "$PGDIR" && mkdir -p "$PGDIR" && chown postgres "$PGDIR" 2>/dev/null || true
    as_postgres "$BIN/initdb" -D "$PGDIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    as_postgres "$BIN/pg_ctl" -D "$PGDIR" -l "$PGDIR/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGDIR -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off ${PG_EXTRA_OPTS:-}" start >/dev/null
    echo "postgresql://postgres@127.0.0.1:$PGPORT/postgres"
    ;;
  stop)
    find_bin && as_postgres "$BIN/pg_ctl" -D "$PGDIR" stop -m fast >/dev/null 2>&1 || true
    rm -rf "$PGDIR"
    ;;
esac
