#!/usr/bin/env bash
# Runs the wide-h scenarios (categories 7, 3 and 4 from libraries the other groups barely use, plus unrelated
# "other" failures that read alike) and writes corpus/data/wide-h.jsonl. Run from anywhere.
# Servers it starts itself and stops at the end (only those it started):
#   - PostgreSQL on 127.0.0.1:48050 (temp data dir, max_connections=10)
#   - MariaDB on 127.0.0.1:48051 (temp data dir, max_connections=14, innodb_lock_wait_timeout=1)
#   - Redis on 127.0.0.1:48052 (no persistence, maxclients=40)
# Partner APIs, gRPC and Bot API stand-ins are started by the tests on 127.0.0.1:48000-48049. No network, no
# downloads at run time.
set -uo pipefail
cd "$(dirname "$0")/.."
. corpus/lib.sh
VENV=${VENV:-/work/venvs/wide-h}
NAME=wide-h
PGPORT=48050
MYPORT=48051
RDPORT=48052
PGDATA=${WIDEH_PGDATA:-/tmp/wide-h-pgdata}
PGSOCK=/tmp/wide-h-pgsock
MYDATA=${WIDEH_MYDATA:-/tmp/wide-h-mysql}
MYSOCK=$MYDATA/mysqld.sock
RDDIR=/tmp/wide-h-redis

if ! command -v mariadbd >/dev/null || ! command -v redis-server >/dev/null || ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q mariadb-server postgresql redis-server
fi
group_venv "$VENV" 3.11 "$NAME"

STARTED_MY=0
STARTED_PG=0
STARTED_RD=0
cleanup() {
  [ "$STARTED_MY" = 1 ] && stop_pid "$MYDATA/mysqld.pid"
  if [ "$STARTED_PG" = 1 ]; then
    su postgres -c "$PGBIN/pg_ctl -D $PGDATA -m fast -w stop" >/dev/null 2>&1
  fi
  [ "$STARTED_RD" = 1 ] && stop_pid "$RDDIR/redis.pid"
}
[ "${WIDEH_KEEP_SERVERS:-0}" = 1 ] || trap cleanup EXIT

# Redis: a fresh, empty, non-persistent instance
start_redis "$RDDIR" $RDPORT --maxclients 40
STARTED_RD=1

# MariaDB in a temp data dir, few connection slots and a short lock wait so that lock/slot failures are real.
start_mariadb "$MYDATA" "$MYSOCK" $MYPORT 14
STARTED_MY=1
mariadb -S "$MYSOCK" -uroot <<'SQL'
DROP DATABASE IF EXISTS warehouse;
CREATE DATABASE warehouse;
CREATE USER IF NOT EXISTS 'stock'@'127.0.0.1' IDENTIFIED BY 'stock';
CREATE USER IF NOT EXISTS 'picker'@'127.0.0.1' IDENTIFIED BY 'picker' WITH MAX_USER_CONNECTIONS 2;
GRANT ALL ON warehouse.* TO 'stock'@'127.0.0.1';
GRANT ALL ON warehouse.* TO 'picker'@'127.0.0.1';
SQL

# Dedicated PostgreSQL in a temp data dir, few connection slots so that "too many clients" is real.
start_postgres "$PGDATA" "$PGSOCK" "$PGPORT" 10 1
STARTED_PG=1
su postgres -c "psql -q -h $PGSOCK -p $PGPORT -c \"DROP DATABASE IF EXISTS depot\"" >/dev/null 2>&1
su postgres -c "psql -q -h $PGSOCK -p $PGPORT -c \"DO \\\$\\\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='depot') THEN CREATE ROLE depot LOGIN PASSWORD 'depot'; END IF; END\\\$\\\$;\"" >/dev/null
su postgres -c "createdb -h $PGSOCK -p $PGPORT -O depot depot"

mkdir -p corpus/reports corpus/data
export TZ=UTC LC_ALL=C.UTF-8 PYTHONHASHSEED=0
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY
export NO_PROXY=127.0.0.1,localhost no_proxy=127.0.0.1,localhost
# the scenarios fail on purpose: pytest's exit code is not the verdict, collect.py's warnings are.
# Without address-space randomisation most object addresses in the tracebacks repeat from run to run.
NORAND=""
setarch "$(uname -m)" -R true 2>/dev/null && NORAND="setarch $(uname -m) -R"
$NORAND "$VENV/bin/python" -m pytest corpus/scenarios/wide_h -p no:cacheprovider -q \
  -o asyncio_mode=auto -o asyncio_default_fixture_loop_scope=function \
  --json-report --json-report-omit log --json-report-file=corpus/reports/$NAME.json --timeout=10 --basetemp=/tmp/wide-h-basetemp "$@" >/dev/null
"$VENV/bin/python" corpus/collect.py corpus/reports/$NAME.json --out corpus/data/$NAME.jsonl
