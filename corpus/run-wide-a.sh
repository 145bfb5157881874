#!/usr/bin/env bash
# Runs the wide_a scenarios (categories 1-4 from libraries the other groups do not use) against its own servers:
# PostgreSQL on 127.0.0.1:5447 (temp data dir, max_connections=10) and Redis/Valkey-protocol on 6395 (maxclients 6).
# Every WebSocket server is started by the tests themselves on 127.0.0.1 (random ports); every model file is created
# (or deliberately left missing/corrupt) by the tests in pytest's tmp_path. No downloads at run time.
# Idempotent: installs/starts what is missing, restarts its own PostgreSQL to drop stale connections.
set -uo pipefail
cd "$(dirname "$0")/.."
. corpus/lib.sh
VENV=${VENV:-/work/venvs/wide-a}
NAME=wide-a
PGPORT=5447
REDISPORT=6395
PGDATA=${WIDEA_PGDATA:-/tmp/wide-a-pgdata}
PGSOCK=/tmp/wide-a-pgsock

if ! command -v pg_lsclusters >/dev/null || ! command -v redis-server >/dev/null; then
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql redis-server
fi
group_venv "$VENV" 3.12 "$NAME"

# Dedicated PostgreSQL in a temp data dir, few connection slots so that "too many clients" is real.
start_postgres "$PGDATA" "$PGSOCK" "$PGPORT" 10 2
psql_su() { su postgres -c "psql -q -h $PGSOCK -p $PGPORT -v ON_ERROR_STOP=0 $*"; }
psql_su "-c \"DO \\\$\\\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='shop') THEN CREATE ROLE shop LOGIN PASSWORD 'shop'; END IF; IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='ops') THEN CREATE ROLE ops LOGIN SUPERUSER PASSWORD 'ops'; END IF; IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='bi') THEN CREATE ROLE bi LOGIN PASSWORD 'bi' CONNECTION LIMIT 2; END IF; END\\\$\\\$;\"" >/dev/null
for db in shopdb warehouse; do
  su postgres -c "psql -h $PGSOCK -p $PGPORT -tAc \"SELECT 1 FROM pg_database WHERE datname='$db'\"" | grep -q 1 \
    || su postgres -c "createdb -h $PGSOCK -p $PGPORT -O shop $db"
done
psql_su "-c \"ALTER DATABASE warehouse CONNECTION LIMIT 2; GRANT ALL ON DATABASE shopdb TO bi;\"" >/dev/null

# Redis on its own port, few client slots (the valkey scenarios use it).
redis-cli -p $REDISPORT ping >/dev/null 2>&1 || redis-server --daemonize yes --port $REDISPORT --bind 127.0.0.1 \
  --save '' --appendonly no --maxclients 6 >/dev/null
for _ in $(seq 20); do redis-cli -p $REDISPORT ping >/dev/null 2>&1 && break; sleep 0.25; done

mkdir -p corpus/reports corpus/data
HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 TOKENIZERS_PARALLELISM=false \
"$VENV/bin/python" -m pytest corpus/scenarios/wide_a -p no:cacheprovider -q \
  -o asyncio_default_fixture_loop_scope=function \
  --json-report --json-report-omit log --json-report-file=corpus/reports/$NAME.json --timeout=20 "$@"
"$VENV/bin/python" corpus/collect.py corpus/reports/$NAME.json --out corpus/data/$NAME.jsonl
