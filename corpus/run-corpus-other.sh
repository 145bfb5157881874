#!/usr/bin/env bash
# Runs the "other" (negative) scenarios and writes corpus/data/corpus-other.jsonl. Run from the repo root.
# Needs: a Redis server (Debian package redis-server), started here on 127.0.0.1:6391.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${VENV:-/work/venvs/corpus-other}
[ -x "$VENV/bin/pytest" ] || python3 -m venv "$VENV"
# always: an existing venv must pick up requirements added since it was made
"$VENV/bin/pip" install -q -r corpus/requirements-corpus-other.txt

PORT=${OTHER_REDIS_PORT:-6391}
if ! command -v redis-server >/dev/null; then
    (apt-get install -y -q redis-server || (apt-get update -q && apt-get install -y -q redis-server)) >/dev/null
fi
if ! redis-cli -p "$PORT" ping >/dev/null 2>&1; then
    redis-server --port "$PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
        --pidfile "/tmp/corpus-other-redis-$PORT.pid" --logfile "/tmp/corpus-other-redis-$PORT.log"
    for _ in $(seq 50); do redis-cli -p "$PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
fi
export OTHER_REDIS_URL="redis://127.0.0.1:$PORT/0"

mkdir -p corpus/reports corpus/data
# the scenarios fail on purpose: pytest's exit code is not the verdict, collect.py's warnings are
"$VENV/bin/pytest" corpus/scenarios/other -p no:cacheprovider -q --timeout=10 -o asyncio_default_fixture_loop_scope=function \
    --json-report --json-report-file=corpus/reports/corpus-other.json >/dev/null || true
"$VENV/bin/python" corpus/collect.py corpus/reports/corpus-other.json --out corpus/data/corpus-other.jsonl
