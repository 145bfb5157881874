#!/usr/bin/env bash
# Runs the wide-b scenarios (categories 5, 6, 7 from libraries not used elsewhere, plus unrelated "other" failures)
# and writes corpus/data/wide-b.jsonl. Run from the repository root. Needs no server: the partner APIs are local
# stand-ins (pytest-httpserver, aiohttp test servers, moto, botocore Stubber) and nothing touches the network.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV="${VENV:-/work/venvs/wide-b}"
[ -x "$VENV/bin/pytest" ] || python3 -m venv "$VENV"
# always: an existing venv must pick up requirements added since it was made
"$VENV/bin/pip" install -q -r corpus/requirements-wide-b.txt

# no real AWS credentials or config may leak into the moto/Stubber scenarios
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_DEFAULT_REGION=eu-west-1
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
# the scenarios pin their own clocks and locales; the host's must not change which of them fail
export TZ=UTC LC_ALL=C.UTF-8

mkdir -p corpus/reports corpus/data
# the scenarios fail on purpose: pytest's exit code is not the verdict, collect.py's warnings are
"$VENV/bin/pytest" corpus/scenarios/wide_b -p no:cacheprovider -q --timeout=10 \
    -o asyncio_mode=auto -o asyncio_default_fixture_loop_scope=function \
    --json-report --json-report-file=corpus/reports/wide-b.json >/dev/null || true
"$VENV/bin/python" corpus/collect.py corpus/reports/wide-b.json --out corpus/data/wide-b.jsonl
