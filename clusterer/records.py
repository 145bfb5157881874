"""The records that flow through the pipeline: a results file becomes a ``Run`` of ``TestCase`` objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Outcome = Literal["passed", "failed", "error", "skipped", "xfailed", "xpassed"]
Phase = Literal["setup", "call", "teardown"]

#: Outcomes that count as a failure to classify.
FAILING_OUTCOMES: frozenset[str] = frozenset({"failed", "error"})


@dataclass(frozen=True, slots=True)
class TestCase:
    """One test's result in one run, in a format-independent shape.

    Parameters
    ----------
    test:
        The test id as the runner names it (pytest node id ``path::Class::name``; for JUnit
        ``classname::name`` or ``file::classname::name``).
    outcome:
        ``passed``/``failed``/``error``/``skipped``/``xfailed``/``xpassed``. An exception in a fixture's
        setup or teardown is ``error`` with ``phase`` set, never ``failed``.
    phase:
        The phase that decided the outcome (``setup``, ``call``, ``teardown``) when the format says so.
    duration:
        Seconds for the whole test (all phases) when known.
    message:
        The one-line failure message (pytest ``crash.message``, JUnit ``message`` attribute).
    traceback:
        The full failure text (pytest ``longrepr``, JUnit element body), raw, not normalised.
    stdout, stderr:
        Captured output when the format carries it (may be truncated by the reader).
    file:
        Source file of the test when known.
    reruns:
        How many extra attempts the runner made (pytest-rerunfailures, Surefire reruns).
    flaky:
        True when the runner itself observed a pass after a failure (Surefire ``flakyFailure``/``flakyError``,
        a rerun that passed).
    run:
        Index of the run (results file) this result came from, 0-based, in command-line order.
    """

    test: str
    outcome: Outcome
    phase: Phase | None = None
    duration: float | None = None
    message: str = ""
    traceback: str = ""
    stdout: str = ""
    stderr: str = ""
    file: str | None = None
    reruns: int = 0
    flaky: bool = False
    run: int = 0

    @property
    def is_failure(self) -> bool:
        """True for outcomes that clusterer classifies (``failed`` and ``error``)."""
        return self.outcome in FAILING_OUTCOMES


_FIELDS = ("test", "outcome", "phase", "duration", "message", "traceback", "stdout", "stderr", "file", "reruns")
assert TestCase.__slots__ == (*_FIELDS, "flaky", "run"), "new_test_case must set every field of TestCase"
_SET = tuple(getattr(TestCase, name).__set__ for name in TestCase.__slots__)


def new_test_case(
    test: str,
    outcome: Outcome,
    phase: Phase | None,
    duration: float | None,
    message: str,
    traceback: str,
    stdout: str,
    stderr: str,
    file: str | None,
    reruns: int,
    flaky: bool,
    run: int,
) -> TestCase:
    """``TestCase(...)`` with every field given positionally, without the frozen dataclass's ``__init__`` (twelve
    ``object.__setattr__`` calls): the readers build one per test, 730 per request of a large report. The same
    object: equal, same hash, same repr."""
    case = object.__new__(TestCase)
    s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11 = _SET
    s0(case, test)
    s1(case, outcome)
    s2(case, phase)
    s3(case, duration)
    s4(case, message)
    s5(case, traceback)
    s6(case, stdout)
    s7(case, stderr)
    s8(case, file)
    s9(case, reruns)
    s10(case, flaky)
    s11(case, run)
    return case


@dataclass(frozen=True, slots=True)
class Run:
    """All results read from one results file.

    Parameters
    ----------
    source:
        The path (or label) the run was read from.
    format:
        Detected format: ``pytest-json``, ``junit``, ``reportlog``, or ``failures-json`` (plain list of
        ``{test, text}``).
    tests:
        Every test result, in file order.
    duration:
        Wall time of the whole run in seconds when the format says so.
    index:
        Position of this run among the files given, 0-based.
    """

    source: str
    format: str
    tests: tuple[TestCase, ...] = field(default_factory=tuple)
    duration: float | None = None
    index: int = 0

    @property
    def failures(self) -> tuple[TestCase, ...]:
        """The failing results (``failed`` or ``error``) in file order."""
        return tuple(t for t in self.tests if t.outcome in FAILING_OUTCOMES)  # t.is_failure, without the call
