"""Generate large pytest-json-report files of realistic variety from the labelled corpus (for benchmarks only).

Each failure is a real corpus traceback with what varies between real runs varied: test names (module, class,
parametrisation), line numbers, addresses, ports, ids and durations. Causes repeat the way they do in real suites:
a few causes account for most failures.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_NUM = re.compile(r"(?<=:)\d+(?=:)|0x[0-9a-f]{6,}|(?<=port )\d+|(?<=127\.0\.0\.1:)\d+")


def corpus_rows() -> list[dict]:
    """The corpus's failures (the library-message bank's bare messages are not test failures: left out)."""
    rows = []
    for path in sorted((ROOT / "corpus" / "data").glob("*.jsonl")):
        rows += [json.loads(line) for line in path.read_text().splitlines() if line]
    return [r for r in rows if r.get("test")]


def _vary(text: str, rng: random.Random) -> str:
    return _NUM.sub(
        lambda m: hex(rng.randrange(1 << 40)) if m.group(0).startswith("0x") else str(rng.randrange(1, 60000)), text
    )


def make_report(n_failures: int, n_passed: int = 0, seed: int = 0) -> dict:
    """A pytest-json-report document with ``n_failures`` failing and ``n_passed`` passing tests."""
    rng = random.Random(seed)
    rows = corpus_rows()
    # Zipf-like: a few causes dominate, as in real CI
    weights = [1.0 / (i + 1) for i in range(len(rows))]
    rng.shuffle(rows)
    tests = []
    for i in range(n_failures):
        row = rng.choices(rows, weights)[0]
        module = (
            f"tests/test_{rng.choice(['orders', 'users', 'billing', 'feed', 'search', 'auth', 'reports'])}_{i % 97}.py"
        )
        name = f"test_{row['test'].rsplit('::', 1)[-1].removeprefix('test_').split('[')[0]}_{i % 13}[case{i}]"
        text = _vary(row["text"], rng)
        tests.append(
            {
                "nodeid": f"{module}::{name}",
                "outcome": "failed",
                "setup": {"outcome": "passed", "duration": 0.001},
                "call": {
                    "outcome": "failed",
                    "duration": rng.random(),
                    "crash": {"path": module, "lineno": rng.randrange(1, 500), "message": _vary(row["message"], rng)},
                    "longrepr": text,
                },
                "teardown": {"outcome": "passed", "duration": 0.001},
            }
        )
    for i in range(n_passed):
        tests.append(
            {
                "nodeid": f"tests/test_ok_{i % 50}.py::test_ok_{i}",
                "outcome": "passed",
                "setup": {"outcome": "passed", "duration": 0.001},
                "call": {"outcome": "passed", "duration": rng.random() / 10},
                "teardown": {"outcome": "passed", "duration": 0.001},
            }
        )
    return {
        "created": 0,
        "duration": 1.0,
        "exitcode": 1,
        "root": "/app",
        "environment": {},
        "summary": {"failed": n_failures, "passed": n_passed, "total": n_failures + n_passed},
        "tests": tests,
    }


if __name__ == "__main__":
    n = int(sys.argv[1])
    Path(sys.argv[2]).write_text(json.dumps(make_report(n)))
