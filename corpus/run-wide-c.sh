#!/usr/bin/env bash
# Runs the wide-c scenarios (categories 4 and 6 from libraries and mechanisms not used elsewhere, plus unrelated
# "other" failures that read alike) and writes corpus/validation/wide-c.jsonl. Run from the repository root. Needs no
# server: caches are in-process (cachelib, async-lru, cashews mem://, fakeredis) and the partner APIs are local
# stand-ins (httpx.MockTransport, a http.server fake, recorded fixtures); nothing touches the network.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV="${VENV:-/work/venvs/wide-c}"
[ -x "$VENV/bin/pytest" ] || python3 -m venv "$VENV"
# always: an existing venv must pick up requirements added since it was made
"$VENV/bin/pip" install -q -r corpus/requirements-wide-c.txt

# the scenarios pin their own clocks and locales; the host's must not change which of them fail
export TZ=UTC LC_ALL=C.UTF-8
# set-valued messages (prometheus-client duplicate timeseries) keep one order between runs
export PYTHONHASHSEED=0

mkdir -p corpus/reports corpus/data
# the scenarios fail on purpose: pytest's exit code is not the verdict, collect.py's warnings are
"$VENV/bin/pytest" corpus/scenarios/wide_c -p no:cacheprovider -q --timeout=10 \
    -o asyncio_mode=auto -o asyncio_default_fixture_loop_scope=function \
    --json-report --json-report-file=corpus/reports/wide-c.json >/dev/null || true
"$VENV/bin/python" corpus/collect.py corpus/reports/wide-c.json --out corpus/validation/wide-c.jsonl
