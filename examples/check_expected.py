"""Check examples/results/*.json against examples/expected.json (stdlib only).

python3 examples/check_expected.py     # exit 1 on any mismatch
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def outcomes(path: Path) -> dict[str, str]:
    return {t["nodeid"]: t["outcome"] for t in json.loads(path.read_text())["tests"]}


def check(run: Path, seed: int, scale_index: int, expected: list[dict]) -> list[str]:
    problems = []
    got = outcomes(run)
    bad = {n: o for n, o in got.items() if o != "passed"}
    for entry in expected:
        cases = [n for n in got if n.split("[")[0] == entry["test"]]
        should_fail = not entry.get("flaky") or seed in entry["fails_with_seed"]
        failing = [n for n in cases if n in bad]
        want = entry["count"][scale_index] if should_fail else 0
        if len(failing) != want:
            problems.append(f"{run.name}: {entry['test']}: {len(failing)} failing cases, expected {want}")
        for n in failing:
            if bad[n] != entry["outcome"]:
                problems.append(f"{run.name}: {n}: outcome {bad[n]}, expected {entry['outcome']}")
    known = {e["test"] for e in expected}
    for n in bad:
        if n.split("[")[0] not in known:
            problems.append(f"{run.name}: unexpected failure {n}")
    return problems


def main() -> int:
    expected = json.loads((HERE / "expected.json").read_text())["failures"]
    results = HERE / "results"
    problems: list[str] = []
    for seed in (1, 2, 3):
        problems += check(results / f"run{seed}.json", seed, 0, expected)
    if (results / "large-run.json").exists():
        problems += check(results / "large-run.json", 1, 1, expected)
    for p in problems:
        print("MISMATCH", p)
    print("expected.json matches results" if not problems else f"{len(problems)} mismatches")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
