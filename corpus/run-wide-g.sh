#!/usr/bin/env bash
# Runs the wide-g scenarios (category 1 ML model loading, category 6 external API mock inconsistency, and unrelated
# "other" ML-evaluation / API-client failures that read alike) and writes corpus/data/wide-g.jsonl. Run from anywhere.
# Needs no server: every model artefact is written (or deliberately left missing, truncated, stale or an LFS pointer)
# by the tests in pytest's tmp dir, every partner API is an in-process mock (moto, botocore Stubber, mocket, httpretty,
# pook, requests-mock, responses, respx, pytest-httpx) on fixed fake hosts or 127.0.0.1:47951-47952, and the model
# hubs are switched offline. Nothing touches the network and nothing is downloaded at run time.
set -uo pipefail
cd "$(dirname "$0")/.."
. corpus/lib.sh
VENV=${VENV:-/work/venvs/wide-g}
NAME=wide-g

group_venv "$VENV" 3.11 "$NAME"

mkdir -p corpus/reports corpus/data
# the scenarios pin their own clocks and seeds; the host's must not change which of them fail
export TZ=UTC LC_ALL=C.UTF-8 PYTHONHASHSEED=0
# no proxy may sit between the clients and their mocks; no hub, token or cache from the host
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY
export NO_PROXY=127.0.0.1,localhost no_proxy=127.0.0.1,localhost
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 HF_HUB_DISABLE_TELEMETRY=1 HF_HOME=/tmp/ci-hf-home-47950
export NLTK_DATA=/tmp/ci-nltk-data-47950 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 TOKENIZERS_PARALLELISM=false
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_DEFAULT_REGION=eu-west-1 AWS_CONFIG_FILE=/dev/null \
  AWS_SHARED_CREDENTIALS_FILE=/dev/null
rm -rf /tmp/pytest-ci-47950 /tmp/ci-hf-home-47950
# Without address-space randomisation most object addresses in the tracebacks repeat from run to run.
NORAND=""
setarch "$(uname -m)" -R true 2>/dev/null && NORAND="setarch $(uname -m) -R"
# the scenarios fail on purpose: pytest's exit code is not the verdict, collect.py's warnings are
$NORAND "$VENV/bin/python" -m pytest corpus/scenarios/wide_g -p no:cacheprovider -q \
  -o asyncio_mode=auto -o asyncio_default_fixture_loop_scope=function \
  --json-report --json-report-omit log --json-report-file=corpus/reports/$NAME.json --timeout=15 \
  --basetemp=/tmp/pytest-ci-47950 "$@" >/dev/null
"$VENV/bin/python" corpus/collect.py corpus/reports/$NAME.json --out corpus/data/$NAME.jsonl
