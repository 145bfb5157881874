#!/usr/bin/env bash
# Regenerate the whole labelled corpus from its scenarios, in one command:
#   bash corpus/regenerate.sh            # run every group (creates venvs, starts PostgreSQL/Redis), re-collect
#   bash corpus/regenerate.sh --collect  # only re-collect the JSONL files from the last corpus/reports/*.json
# Training groups are collected into corpus/data/ (what the models learn from; corpus/split.json holds some of it
# out); validation groups into corpus/validation/ (never trained on: cluster eval corpus/validation -m tiny).
# Then it prints the rows per category and what changed against the committed corpus (git diff --stat).
# After a change, retrain and re-check the model:  cluster train-tiny && cluster eval --gate --model tiny
set -euo pipefail
cd "$(dirname "$0")/.."
GROUPS_=(ml-ws async-api-rl db-cache corpus-other wide-b wide-a wide-c wide-d wide-e wide-f wide-g wide-h wide-i wide-j)
VALIDATION=(wide-c wide-f wide-i wide-j)

if [ "${1:-}" != "--collect" ]; then
  for g in "${GROUPS_[@]}"; do
    echo "== corpus/run-$g.sh" >&2
    start=$(date +%s)
    if ! bash "corpus/run-$g.sh"; then
      echo "corpus/run-$g.sh failed" >&2
      exit 1
    fi
    echo "== $g done in $(( $(date +%s) - start ))s" >&2
  done
fi

# Re-collect every group from its report (collect.py needs only the standard library), so the JSONL files
# always come from the same collector.
for g in "${GROUPS_[@]}"; do
  report=corpus/reports/$g.json
  [ -f "$report" ] || { echo "missing $report: run without --collect" >&2; exit 1; }
  out=corpus/data
  [[ " ${VALIDATION[*]} " == *" $g "* ]] && out=corpus/validation
  python3 corpus/collect.py "$report" --out "$out/$g.jsonl"
done
# The library-message bank (corpus/messages: real messages harvested from installed libraries' source, checked by
# its own check.py) is written as corpus rows too; re-harvesting it is `python corpus/messages/harvest.py`.
python3 corpus/messages/check.py >/dev/null
python3 corpus/collect_messages.py

python3 - <<'PY'
import collections, json, pathlib
rows = [json.loads(l) for p in sorted(pathlib.Path("corpus/data").glob("*.jsonl")) for l in p.read_text().splitlines() if l]
per = collections.Counter(str(r["category"]) for r in rows)
libs = collections.defaultdict(set)
for r in rows:
    libs[str(r["category"])].add(r.get("library"))
print(f"{len(rows)} rows")
for c in sorted(per, key=lambda c: (not c.isdigit(), c)):
    print(f"  {c:<6} {per[c]:>4} rows, {len(libs[c]):>3} libraries")
PY
git diff --stat -- corpus/data corpus/validation || true
