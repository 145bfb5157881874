#!/usr/bin/env bash
# Runs the async/API-mock/rate-limiter scenarios (categories 5, 6, 7) and writes corpus/data/async-api-rl.jsonl.
# Run from the repository root. Needs redis-server (Debian package `redis-server`); starts its own instance on
# port 6390 (SCENARIO_REDIS_PORT) so it does not share keys with other helpers' servers on 6379.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV="${VENV:-/work/venvs/async-api-rl}"
[ -x "$VENV/bin/pytest" ] || python3 -m venv "$VENV"
# always: an existing venv must pick up requirements added since it was made
"$VENV/bin/pip" install -q -r corpus/requirements-async-api-rl.txt

PORT="${SCENARIO_REDIS_PORT:-6390}"
if ! command -v redis-server >/dev/null; then
    apt-get update -qq && apt-get install -y -qq redis-server >/dev/null
fi
if ! redis-cli -p "$PORT" ping >/dev/null 2>&1; then
    redis-server --port "$PORT" --daemonize yes --save "" --appendonly no \
        --pidfile "/tmp/async-api-rl-redis-$PORT.pid" --logfile "/tmp/async-api-rl-redis-$PORT.log"
    for _ in $(seq 50); do redis-cli -p "$PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
fi
# leftover keys from an earlier run must not change which scenarios fail
redis-cli -p "$PORT" flushall >/dev/null
export SCENARIO_REDIS_URL="redis://127.0.0.1:$PORT/5"

mkdir -p corpus/reports corpus/data
"$VENV/bin/pytest" corpus/scenarios/async_api_rl -p no:cacheprovider \
    --json-report --json-report-file=corpus/reports/async-api-rl.json --timeout=5 -q || true
"$VENV/bin/python" corpus/collect.py corpus/reports/async-api-rl.json --out corpus/data/async-api-rl.jsonl
