#!/usr/bin/env bash
# Runs the wide-j scenarios ("other" failures that are plain assertion failures from ordinary logic bugs: rounding,
# dates and time zones, text formatting, unit conversion, geometry, recurrence, CSV/JSON exports, stock arithmetic,
# permissions, search and paging, settings merging, version strings, statistics, contact normalisation) and writes
# corpus/validation/wide-j.jsonl: a validation set, never trained on (does a model call a plain logic bug a known
# category?). Run from anywhere. No server, no network: every scenario is pure computation.
set -uo pipefail
cd "$(dirname "$0")/.."
. corpus/lib.sh
VENV=${VENV:-/work/venvs/wide-j}
NAME=wide-j

group_venv "$VENV" 3.11 "$NAME"

mkdir -p corpus/reports corpus/validation
export TZ=UTC LC_ALL=C.UTF-8 PYTHONHASHSEED=0
# the scenarios fail on purpose: pytest's exit code is not the verdict, collect.py's warnings are.
# Without address-space randomisation most object addresses in the tracebacks repeat from run to run.
NORAND=""
setarch "$(uname -m)" -R true 2>/dev/null && NORAND="setarch $(uname -m) -R"
$NORAND "$VENV/bin/python" -m pytest corpus/scenarios/wide_j -p no:cacheprovider -q --timeout=10 \
  --json-report --json-report-omit log --json-report-file=corpus/reports/$NAME.json "$@" >/dev/null || true
"$VENV/bin/python" corpus/collect.py corpus/reports/$NAME.json --out corpus/validation/$NAME.jsonl
