#!/usr/bin/env bash
# Regenerate the real pytest fixtures of tests/data/ingest/ from this throwaway suite.
# Needs pytest, pytest-json-report, pytest-reportlog and pytest-rerunfailures in the active environment
# (not the project's dev environment: rerunfailures is only needed here).
set -u
here="$(cd "$(dirname "$0")" && pwd)"
out="$(cd "$here/.." && pwd)"
scratch="$(mktemp -d)"
cp -r "$here/suite" "$scratch/"
cd "$scratch"
common=(-p no:cacheprovider -o python_files='sample_*.py' --continue-on-collection-errors -q suite)
python -m pytest "${common[@]}" --json-report --json-report-file="$out/pytest-json-report.json"
python -m pytest "${common[@]}" -p no:json-report --report-log="$out/reportlog.jsonl"
python -m pytest "${common[@]}" -p no:json-report -o junit_family=xunit2 -o junit_logging=all \
    --junitxml="$out/pytest-junit-xunit2.xml"
python -m pytest "${common[@]}" -p no:json-report -o junit_family=xunit1 --junitxml="$out/pytest-junit-xunit1.xml"
rm -rf "$scratch"
