#!/usr/bin/env bash
# Runs the wide-d scenarios (categories 2, 5, 7 from libraries the other groups do not use, plus unrelated "other"
# failures) and writes corpus/data/wide-d.jsonl. Run from anywhere. Needs no external server: every partner API and
# WebSocket server is started by the tests themselves on 127.0.0.1 (fixed ports 47811-47840, so that URLs in the
# tracebacks are stable) and nothing touches the network.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV="${VENV:-/work/venvs/wide-d}"
[ -x "$VENV/bin/pytest" ] || python3 -m venv "$VENV"
# always: an existing venv must pick up requirements added since it was made
"$VENV/bin/pip" install -q -r corpus/requirements-wide-d.txt

# the scenarios pin their own clocks and locales; the host's must not change which of them fail
export TZ=UTC LC_ALL=C.UTF-8
# set and dict orders in assertion diffs must not change between runs
export PYTHONHASHSEED=0
# no proxy may sit between the tests and their local servers
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY
export NO_PROXY=127.0.0.1,localhost no_proxy=127.0.0.1,localhost
# huggingface_hub: no token, cache or telemetry from the host
export HF_HUB_DISABLE_TELEMETRY=1 HF_HOME="$(mktemp -d)" HF_HUB_OFFLINE=0

mkdir -p corpus/reports corpus/data
# the scenarios fail on purpose: pytest's exit code is not the verdict, collect.py's warnings are
"$VENV/bin/pytest" corpus/scenarios/wide_d -p no:cacheprovider -q --timeout=10 \
    -o asyncio_mode=auto -o asyncio_default_fixture_loop_scope=function \
    --json-report --json-report-file=corpus/reports/wide-d.json >/dev/null || true
"$VENV/bin/python" corpus/collect.py corpus/reports/wide-d.json --out corpus/data/wide-d.jsonl
