"""Turn pytest-json-report files of the scenario runs into the labelled corpus (JSONL).

Usage: ``python corpus/collect.py REPORT.json [REPORT.json ...] --out corpus/data/NAME.jsonl``

One line per failing test (outcome ``failed`` or ``error`` in any phase) that carries a ``failure`` label:
``{id, category, cause, library, dist, version, shape, scenario, test, phase, message, text}`` where ``text`` is
the raw pytest ``longrepr`` of the failing phase. A labelled scenario that did not fail is reported on stderr,
because a scenario that stopped failing is a broken scenario. Output is sorted by id, so reruns give stable diffs.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

PHASES = ("setup", "call", "teardown")

# The scenario folders name the label ("other", "db_cache", ...): a model must never learn the answer from them.
# Paths and dotted module names under corpus/scenarios/<group>/ are rewritten to what an application's own test
# suite would show (tests/..., app.<module>).
_GROUPS = r"(?:other|ml_ws|db_cache|async_api_rl|wide_[a-z])"
_SCRUB = (
    (re.compile(r"^[^\n]*(?:@[\w.]*failure\(|\bcategory=\"|\bcategory=')[^\n]*\n?", re.M), ""),
    (re.compile(r"(?:[\w./-]*/)?(?:corpus/|rpus/)?scenarios/" + _GROUPS + r"/"), "tests/"),
    (re.compile(r"(?:[\w.-]*/)*venvs/[\w.-]+/"), "/venv/"),
    (re.compile(r"\b(?:corpus\.scenarios\.)?" + _GROUPS + r"\.(?=[a-z_][a-z0-9_]*)"), "app."),
    # the negatives' infrastructure scenarios live in other/infra/: that folder name is a label too. After the
    # rule above, which turns a module path other.infra.x into app.infra.x (until session 19 this rule ran first
    # and such module paths kept "infra": three exception names of corpus-other did)
    (re.compile(r"\b(tests/|app\.)infra([/.])"), r"\1"),
)


def scrub(text: str) -> str:
    """Remove the scenario folder names (which give the label away) from a text. Idempotent: a scrubbed text
    scrubs to itself (``tests/test_corpus_files.py`` checks the committed rows by that).

    >>> scrub("/w/corpus/scenarios/other/infra/billing/repository.py:9: in fetch")
    'tests/billing/repository.py:9: in fetch'
    >>> scrub("E   other.infra.billing.repository.BillingUnavailable: down")
    'E   app.billing.repository.BillingUnavailable: down'
    """
    for pattern, replacement in _SCRUB:
        text = pattern.sub(replacement, text)
    return text


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def collect(report_paths: list[Path]) -> tuple[list[dict[str, object]], list[str]]:
    rows: list[dict[str, object]] = []
    not_failing: list[str] = []
    for path in report_paths:
        report = json.loads(path.read_text(encoding="utf-8"))
        for test in report.get("tests", []):
            label = (test.get("metadata") or {}).get("label")
            if not label:
                continue
            failing = [p for p in PHASES if (test.get(p) or {}).get("outcome") == "failed"]
            if not failing:
                not_failing.append(test["nodeid"])
                continue
            phase = failing[0]
            detail = test[phase]
            crash = detail.get("crash") or {}
            longrepr = detail.get("longrepr") or ""
            nodeid = test["nodeid"]
            scenario = nodeid.split("corpus/scenarios/")[-1]
            rows.append(
                {
                    "id": f"c{label['category']}-{_slug(label['library'])}-{_slug(scenario.split('::', 1)[-1])}",
                    "category": str(label["category"]),
                    "cause": label["cause"],
                    "library": label["library"],
                    "dist": label.get("dist"),
                    "version": label.get("version"),
                    "shape": label["shape"],
                    "scenario": scenario,
                    "test": scrub(nodeid),
                    "phase": phase,
                    "message": scrub(crash.get("message", "")),
                    "text": scrub(longrepr if isinstance(longrepr, str) else json.dumps(longrepr)),
                }
            )
    rows.sort(key=lambda r: str(r["id"]))
    ids = [r["id"] for r in rows]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        raise SystemExit(f"duplicate corpus ids: {sorted(dupes)[:5]}")
    return rows, not_failing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reports", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    rows, not_failing = collect(args.reports)
    for nodeid in not_failing:
        print(f"warning: labelled scenario did not fail: {nodeid}", file=sys.stderr)
    tmp = args.out.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    tmp.replace(args.out)
    print(f"{args.out}: {len(rows)} labelled failures", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
