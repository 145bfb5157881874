#!/usr/bin/env bash
# Runs the wide-i scenarios (symptom-shaped failures: the test fails on a plain pytest assert - a wrong value, status
# code, count, order or latency - and the cause of categories 1-7 shows only through the compared values, the test's
# source and the library frames; plus unrelated "other" assertion failures from plain logic bugs that read alike)
# and writes corpus/validation/wide-i.jsonl: a validation set, never trained on (a symptom-only row carries its cause
# in incidental words, a field name such as "email", which a linear model over words learns as a shortcut).
# Run from anywhere.
# No external server: SQLite files, fakeredis, in-process ASGI/WSGI test clients, mock transports, and websocket /
# aiohttp servers started by the tests on 127.0.0.1:48100-48149. Nothing touches the network or is downloaded at run
# time.
set -uo pipefail
cd "$(dirname "$0")/.."
. corpus/lib.sh
VENV=${VENV:-/work/venvs/wide-i}
NAME=wide-i

group_venv "$VENV" 3.11 "$NAME"

mkdir -p corpus/reports corpus/validation /tmp/pytest-of-ci
export TZ=UTC LC_ALL=C.UTF-8 PYTHONHASHSEED=0
# no proxy may sit between the tests and their local servers
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY
export NO_PROXY=127.0.0.1,localhost no_proxy=127.0.0.1,localhost
# the scenarios fail on purpose: pytest's exit code is not the verdict, collect.py's warnings are.
# Without address-space randomisation most object addresses in the tracebacks repeat from run to run.
NORAND=""
setarch "$(uname -m)" -R true 2>/dev/null && NORAND="setarch $(uname -m) -R"
$NORAND "$VENV/bin/python" -m pytest corpus/scenarios/wide_i -p no:cacheprovider -q \
  -o asyncio_mode=auto -o asyncio_default_fixture_loop_scope=function \
  --json-report --json-report-omit log --json-report-file=corpus/reports/$NAME.json --timeout=15 \
  --basetemp=/tmp/pytest-of-ci/pytest-48100 "$@" >/dev/null
"$VENV/bin/python" corpus/collect.py corpus/reports/$NAME.json --out corpus/validation/$NAME.jsonl
