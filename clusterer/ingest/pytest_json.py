"""Reader for pytest-json-report (``pytest --json-report``) documents."""

from __future__ import annotations

import ast
from typing import Any

from clusterer.errors import InputError
from clusterer.ingest._common import (
    PHASES,
    as_dict,
    as_float,
    as_str,
    derived_message,
    file_of,
    first_line,
    last_line,
    phase_outcome,
)
from clusterer.records import Outcome, Phase, Run, TestCase, new_test_case

FORMAT = "pytest-json"

_SIMPLE_OUTCOMES: dict[str, Outcome] = {
    "passed": "passed",
    "skipped": "skipped",
    "xfailed": "xfailed",
    "xpassed": "xpassed",
}


def read_pytest_json(report: dict[str, Any], *, source: str, index: int = 0) -> Run:
    """Build a :class:`Run` from a parsed pytest-json-report document.

    Each test keeps its phases: the first phase whose outcome is ``failed`` decides the result, so a
    failure in ``setup`` or ``teardown`` is ``error`` with that phase, and a failing ``call`` is ``failed``
    (even when a teardown failed too and the report says ``error``). Durations are summed over phases.
    Failed collectors (import errors) become ``error`` results named by the collector's node id.

    Parameters
    ----------
    report:
        The decoded JSON object (must have a ``tests`` list).
    source:
        Label used in error messages and ``Run.source``.
    index:
        Run index, 0-based.

    Returns
    -------
    Run
        One :class:`TestCase` per entry of ``tests``, in file order, then failed collectors.
    """
    tests = report.get("tests")
    if not isinstance(tests, list):
        raise InputError(
            source, f"pytest-json-report 'tests' is a {type(tests).__name__}, expected a list", kind="shape"
        )
    cases = [_read_passed(entry, index) or _read_test(as_dict(entry), index) for entry in tests]
    cases.extend(_read_collector_errors(report.get("collectors"), index))
    return Run(source=source, format=FORMAT, tests=tuple(cases), duration=as_float(report.get("duration")), index=index)


def _read_passed(entry: Any, run: int) -> TestCase | None:
    """The bulk of any report, a passed test with a string node id and float durations, read in one go; ``None``
    for anything else (``_read_test`` reads it, with the same answer for what this reads)."""
    if type(entry) is not dict or entry.get("outcome") != "passed":
        return None
    nodeid = entry.get("nodeid")
    if type(nodeid) is not str:
        return None
    total, seen = 0.0, False
    for name in PHASES:
        phase_entry = entry.get(name)
        if phase_entry is None:
            continue
        if type(phase_entry) is not dict:
            return None
        value = phase_entry.get("duration")
        if type(value) is float:
            total, seen = total + value, True
        elif value is not None:
            return None
    head, sep, _ = nodeid.partition("::")
    # positional: TestCase(test, outcome, phase, duration, message, traceback, stdout, stderr, file, reruns, flaky, run)
    return new_test_case(
        nodeid, "passed", None, total if seen else None, "", "", "", "", head if sep and head else None, 0, False, run
    )


def _read_test(entry: dict[str, Any], run: int) -> TestCase:
    nodeid = as_str(entry.get("nodeid"))
    raw_outcome = as_str(entry.get("outcome"))
    if raw_outcome == "passed":
        # the bulk of any report: only the duration matters (pytest-json-report says "error" when a phase failed)
        total, seen = 0.0, False
        for name in PHASES:
            phase_entry = entry.get(name)
            if isinstance(phase_entry, dict):
                value = as_float(phase_entry.get("duration"))
                if value is not None:
                    total, seen = total + value, True
        return TestCase(test=nodeid, outcome="passed", duration=total if seen else None, file=file_of(nodeid), run=run)
    phases = [(name, entry[name]) for name in PHASES if isinstance(entry.get(name), dict)]
    durations = [d for d in (as_float(p.get("duration")) for _, p in phases) if d is not None]
    duration = sum(durations) if durations else None
    stdout = "".join(as_str(p.get("stdout")) for _, p in phases)
    stderr = "".join(as_str(p.get("stderr")) for _, p in phases)

    failing = next(((name, p) for name, p in phases if p.get("outcome") == "failed"), None)
    outcome: Outcome
    phase: Phase | None = None
    detail: dict[str, Any] = {}
    reruns = 0
    flaky = False
    if failing is not None:
        phase, detail = failing
        outcome = phase_outcome(phase)
    elif raw_outcome in ("failed", "error"):
        outcome = "failed" if raw_outcome == "failed" else "error"
    elif raw_outcome == "rerun":
        # pytest-rerunfailures: the report keeps the last attempt; "rerun" with passing phases = passed on rerun.
        outcome, reruns, flaky = "passed", 1, True
    else:
        outcome = _SIMPLE_OUTCOMES.get(raw_outcome, "passed")
        if outcome in ("skipped", "xfailed"):
            phase, detail = next(((n, p) for n, p in phases if p.get("outcome") == "skipped"), (None, {}))
            phase = None

    longrepr = detail.get("longrepr")
    traceback = as_str(longrepr)
    message = first_line(as_str(as_dict(detail.get("crash")).get("message")))
    if outcome == "skipped":
        message = _skip_reason(traceback)
        traceback = ""
    elif not message:
        message = derived_message(traceback)
    return TestCase(
        test=nodeid,
        outcome=outcome,
        phase=phase,
        duration=duration,
        message=message,
        traceback=traceback,
        stdout=stdout,
        stderr=stderr,
        file=file_of(nodeid),
        reruns=reruns,
        flaky=flaky,
        run=run,
    )


def _skip_reason(longrepr: str) -> str:
    """``"('path', 66, 'Skipped: reason')"`` -> ``"Skipped: reason"`` (pytest-json-report stores a tuple's repr)."""
    if longrepr.startswith("(") and longrepr.endswith(")") and len(longrepr) < 10_000:
        try:
            value = ast.literal_eval(longrepr)
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            return last_line(longrepr)
        if isinstance(value, tuple) and value:
            return first_line(as_str(value[-1]))
    return last_line(longrepr)


def _read_collector_errors(collectors: Any, run: int) -> list[TestCase]:
    if not isinstance(collectors, list):
        return []
    cases = []
    for entry in collectors:
        collector = as_dict(entry)
        if collector.get("outcome") != "failed":
            continue
        nodeid = as_str(collector.get("nodeid"))
        longrepr = as_str(collector.get("longrepr"))
        cases.append(
            TestCase(
                test=nodeid,
                outcome="error",
                message=derived_message(longrepr),
                traceback=longrepr,
                file=nodeid.partition("::")[0] or None,
                run=run,
            )
        )
    return cases
