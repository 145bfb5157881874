from __future__ import annotations

import os
import random

import pytest

from shop import catalog

# EXAMPLE_SCALE=N multiplies the parametrized cases (used for the large benchmark run).
SCALE = max(1, int(os.environ.get("EXAMPLE_SCALE", "1")))


def scaled(base: int, per_unit: int) -> range:
    """Case indices for a parametrized test: `base` cases, plus `per_unit` per extra scale step."""
    return range(base + per_unit * (SCALE - 1))


def run_random(name: str) -> random.Random:
    """Randomness for timing-sensitive tests: reproducible per RUN_SEED, else time-seeded."""
    seed = os.environ.get("RUN_SEED")
    return random.Random(f"{seed}:{name}") if seed is not None else random.Random()


@pytest.fixture(scope="session", autouse=True)
def demo_catalog():
    catalog.seed_catalog(count=400)
    yield


_JSON_SCALARS = (str, int, float, bool, type(None), list, dict)


@pytest.hookimpl(optionalhook=True)
def pytest_json_modifyreport(json_report):
    """Keep pytest-json-report's captured log records serialisable.

    websockets attaches a weakref proxy of the connection to its log records; once the
    connection is gone json.dump() raises ReferenceError and no report is written.
    """
    for test in json_report.get("tests", []):
        for stage in ("setup", "call", "teardown"):
            for record in (test.get(stage) or {}).get("log") or []:
                for key, value in list(record.items()):
                    if type(value) not in _JSON_SCALARS:  # isinstance() trips on dead proxies
                        try:
                            record[key] = repr(value)
                        except ReferenceError:
                            record[key] = "<dead weakref>"
