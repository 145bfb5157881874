#!/usr/bin/env bash
# Runs the db_cache scenarios (categories 3 and 4) against real PostgreSQL and Redis servers.
# Idempotent: installs/starts what is missing, tolerates servers that already run.
set -uo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-/work/venvs/corpus-db-cache}
NAME=db-cache

if ! command -v pg_ctlcluster >/dev/null || ! command -v redis-server >/dev/null; then
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql redis-server
fi
if [ ! -x "$VENV/bin/python" ]; then
  # Python 3.12 preferred: CPython 3.11.7 crashes pytest's traceback formatting after greenlet switches
  # ("SystemError: AST constructor recursion depth mismatch") in the SQLAlchemy asyncio scenarios.
  PY=$(command -v python3.12 || command -v python3)
  "$PY" -m venv "$VENV"
fi
# always: an existing venv must pick up requirements added since it was made
"$VENV/bin/pip" install -q -r corpus/requirements-$NAME.txt

# Dedicated PostgreSQL cluster (port 5439) with few connection slots, so that "too many clients" is real.
PGVER=$(ls /etc/postgresql 2>/dev/null | sort -n | tail -1)
PGPORT=5439
if ! pg_lsclusters -h | awk '{print $2}' | grep -qx dbcache; then
  pg_createcluster "$PGVER" dbcache -p "$PGPORT" >/dev/null
fi
CONF=/etc/postgresql/$PGVER/dbcache/conf.d/dbcache.conf
cat > "$CONF" <<CONF
max_connections = 12
superuser_reserved_connections = 3
deadlock_timeout = '100ms'
listen_addresses = '127.0.0.1'
CONF
if ! pg_lsclusters -h | awk '$2=="dbcache"{print $4}' | grep -q online; then
  pg_ctlcluster "$PGVER" dbcache start
else
  pg_ctlcluster "$PGVER" dbcache restart   # pick up config changes, drop stale connections
fi
for _ in $(seq 20); do pg_isready -q -h 127.0.0.1 -p "$PGPORT" && break; sleep 0.5; done
psql_su() { su postgres -c "psql -q -p $PGPORT -v ON_ERROR_STOP=0 $*"; }
psql_su "-c \"DO \\\$\\\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='app') THEN CREATE ROLE app LOGIN PASSWORD 'app'; END IF; IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='admin') THEN CREATE ROLE admin LOGIN SUPERUSER PASSWORD 'admin'; END IF; IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='reporting') THEN CREATE ROLE reporting LOGIN PASSWORD 'reporting' CONNECTION LIMIT 2; END IF; END\\\$\\\$;\"" >/dev/null
for db in appdb analytics; do
  su postgres -c "psql -p $PGPORT -tAc \"SELECT 1 FROM pg_database WHERE datname='$db'\"" | grep -q 1 \
    || su postgres -c "createdb -p $PGPORT -O app $db"
done
psql_su "-c \"ALTER DATABASE analytics CONNECTION LIMIT 2; GRANT ALL ON DATABASE appdb TO reporting;\"" >/dev/null

# Redis: the shared one on 6379 (may already be started by someone else) and a small dedicated one on 6391.
redis-cli -p 6379 ping >/dev/null 2>&1 || redis-server --daemonize yes --port 6379 --save '' --appendonly no >/dev/null 2>&1 || true
redis-cli -p 6391 ping >/dev/null 2>&1 || redis-server --daemonize yes --port 6391 --save '' --appendonly no --maxclients 4 >/dev/null
for _ in $(seq 20); do redis-cli -p 6379 ping >/dev/null 2>&1 && redis-cli -p 6391 ping >/dev/null 2>&1 && break; sleep 0.25; done

mkdir -p corpus/reports corpus/data
"$VENV/bin/python" -m pytest corpus/scenarios/db_cache -p no:cacheprovider -q \
  -o asyncio_default_fixture_loop_scope=function \
  --json-report --json-report-file=corpus/reports/$NAME.json --timeout=20 "$@"
"$VENV/bin/python" corpus/collect.py corpus/reports/$NAME.json --out corpus/data/$NAME.jsonl
