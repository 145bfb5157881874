#!/usr/bin/env bash
# Runs the wide-e scenarios (categories 3, 4 and 6 from libraries and mechanisms the other groups do not use, plus
# unrelated "other" failures that read alike) and writes corpus/data/wide-e.jsonl. Run from anywhere.
# Servers it starts itself and stops at the end (only those it started):
#   - MariaDB on 127.0.0.1:3307 (temp data dir, max_connections=12, innodb_lock_wait_timeout=1)
#   - PostgreSQL on 127.0.0.1:5448 (temp data dir, max_connections=8)
# Everything else is in-process or a local stand-in started by the tests (no network, no downloads at run time).
set -uo pipefail
cd "$(dirname "$0")/.."
. corpus/lib.sh
VENV=${VENV:-/work/venvs/wide-e}
NAME=wide-e
MYPORT=3307
PGPORT=5448
MYDATA=${WIDEE_MYDATA:-/tmp/wide-e-mysql}
MYSOCK=$MYDATA/mysqld.sock
PGDATA=${WIDEE_PGDATA:-/tmp/wide-e-pgdata}
PGSOCK=/tmp/wide-e-pgsock

if ! command -v mariadbd >/dev/null || ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q mariadb-server postgresql
fi
group_venv "$VENV" 3.11 "$NAME"

STARTED_MY=0
STARTED_PG=0
cleanup() {
  [ "$STARTED_MY" = 1 ] && stop_pid "$MYDATA/mysqld.pid"
  if [ "$STARTED_PG" = 1 ]; then
    su postgres -c "$PGBIN/pg_ctl -D $PGDATA -m fast -w stop" >/dev/null 2>&1
  fi
}
[ "${WIDEE_KEEP_SERVERS:-0}" = 1 ] || trap cleanup EXIT

# MariaDB in a temp data dir, few connection slots and a short lock wait so that lock/slot failures are real.
start_mariadb "$MYDATA" "$MYSOCK" $MYPORT 12
STARTED_MY=1
mariadb -S "$MYSOCK" -uroot <<'SQL'
CREATE DATABASE IF NOT EXISTS orders;
CREATE DATABASE IF NOT EXISTS fleet;
CREATE USER IF NOT EXISTS 'shop'@'127.0.0.1' IDENTIFIED BY 'shop';
CREATE USER IF NOT EXISTS 'report'@'127.0.0.1' IDENTIFIED BY 'report' WITH MAX_USER_CONNECTIONS 2;
GRANT ALL ON orders.* TO 'shop'@'127.0.0.1';
GRANT ALL ON fleet.* TO 'shop'@'127.0.0.1';
GRANT SELECT ON orders.* TO 'report'@'127.0.0.1';
GRANT PROCESS ON *.* TO 'shop'@'127.0.0.1';
SQL

# Dedicated PostgreSQL in a temp data dir, few connection slots so that "too many clients" is real.
start_postgres "$PGDATA" "$PGSOCK" "$PGPORT" 8 1
STARTED_PG=1
su postgres -c "psql -q -h $PGSOCK -p $PGPORT -c \"DO \\\$\\\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='crm') THEN CREATE ROLE crm LOGIN PASSWORD 'crm'; END IF; END\\\$\\\$;\"" >/dev/null
su postgres -c "psql -h $PGSOCK -p $PGPORT -tAc \"SELECT 1 FROM pg_database WHERE datname='crm'\"" | grep -q 1 \
  || su postgres -c "createdb -h $PGSOCK -p $PGPORT -O crm crm"

mkdir -p corpus/reports corpus/data
export TZ=UTC LC_ALL=C.UTF-8 PYTHONHASHSEED=0
# the scenarios fail on purpose: pytest's exit code is not the verdict, collect.py's warnings are.
# Without address-space randomisation most object addresses in the tracebacks repeat from run to run.
NORAND=""
setarch "$(uname -m)" -R true 2>/dev/null && NORAND="setarch $(uname -m) -R"
$NORAND "$VENV/bin/python" -m pytest corpus/scenarios/wide_e -p no:cacheprovider -q \
  -o asyncio_mode=auto -o asyncio_default_fixture_loop_scope=function \
  --json-report --json-report-omit log --json-report-file=corpus/reports/$NAME.json --timeout=15 --basetemp=/tmp/wide-e-basetemp "$@" >/dev/null
"$VENV/bin/python" corpus/collect.py corpus/reports/$NAME.json --out corpus/data/$NAME.jsonl
