#!/usr/bin/env bash
# Runs the ml_ws scenarios (categories 1 ML model loading, 2 WebSocket latency & timing).
# No external service: every WebSocket server is started by the tests themselves on 127.0.0.1 (random ports);
# every model file is created (or deliberately left missing/corrupt) by the tests in pytest's tmp_path.
set -uo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-/work/venvs/corpus-ml-ws}
NAME=ml-ws

if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c "import torch, sklearn, websockets, aiohttp, starlette, keras, transformers, pytest_jsonreport" 2>/dev/null; then
  "$VENV/bin/pip" install -q -r corpus/requirements-$NAME.txt
fi

mkdir -p corpus/reports corpus/data
KERAS_BACKEND=torch HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 \
"$VENV/bin/python" -m pytest corpus/scenarios/ml_ws -p no:cacheprovider -q \
  -o asyncio_default_fixture_loop_scope=function \
  --json-report --json-report-omit log --json-report-file=corpus/reports/$NAME.json --timeout=20 "$@"
"$VENV/bin/python" corpus/collect.py corpus/reports/$NAME.json --out corpus/data/$NAME.jsonl
