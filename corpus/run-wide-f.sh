#!/usr/bin/env bash
# Runs the wide-f scenarios (category 5 from loop-bound libraries: redis.asyncio, SQLAlchemy asyncio, aiohttp,
# grpc.aio, uvloop, asgiref, aiocache, aiorwlock, aiosqlite; category 2 from websockets, aiohttp, Starlette/FastAPI,
# python-socketio, httpx-ws, httpx-sse/sse-starlette, uvicorn, websocket-client and Redis pub/sub; plus unrelated
# "other" failures that read alike) and writes corpus/validation/wide-f.jsonl: a validation set, never trained on
# (training on it raised the unseen-library validation cost of corpus/validate_unseen.py). Run from anywhere.
# Servers: a dedicated redis-server on 127.0.0.1:47940 (no persistence), started here and stopped at the end (only
# the one this script started). Every other server is started by the tests on 127.0.0.1:47900-47939; nothing
# touches the network and nothing is downloaded at run time.
set -uo pipefail
cd "$(dirname "$0")/.."
. corpus/lib.sh
VENV=${VENV:-/work/venvs/wide-f}
NAME=wide-f
REDIS_PORT=47940
REDIS_DIR=${WIDEF_REDIS_DIR:-/tmp/wide-f-redis}

if ! command -v redis-server >/dev/null; then
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q redis-server
fi
group_venv "$VENV" 3.11 "$NAME"

STARTED_REDIS=0
[ "${WIDEF_KEEP_SERVERS:-0}" = 1 ] || trap '[ "$STARTED_REDIS" = 1 ] && stop_pid "$REDIS_DIR/redis.pid"' EXIT
# a redis-server left over from an earlier run of this script (same pid file) is restarted so no state survives
start_redis "$REDIS_DIR" $REDIS_PORT
STARTED_REDIS=1

mkdir -p corpus/reports corpus/validation
export TZ=UTC LC_ALL=C.UTF-8 PYTHONHASHSEED=0
# no proxy may sit between the tests and their local servers
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY
export NO_PROXY=127.0.0.1,localhost no_proxy=127.0.0.1,localhost
# the scenarios fail on purpose: pytest's exit code is not the verdict, collect.py's warnings are.
# Without address-space randomisation most object addresses in the tracebacks repeat from run to run.
NORAND=""
setarch "$(uname -m)" -R true 2>/dev/null && NORAND="setarch $(uname -m) -R"
$NORAND "$VENV/bin/python" -m pytest corpus/scenarios/wide_f -p no:cacheprovider -q \
  -o asyncio_mode=auto -o asyncio_default_fixture_loop_scope=function \
  --json-report --json-report-omit log --json-report-file=corpus/reports/$NAME.json --timeout=15 \
  --basetemp=/tmp/wide-f-basetemp "$@" >/dev/null
"$VENV/bin/python" corpus/collect.py corpus/reports/$NAME.json --out corpus/validation/$NAME.jsonl
