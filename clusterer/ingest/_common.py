"""Small helpers shared by the readers: tolerant field access and message extraction."""

from __future__ import annotations

from typing import Any

from clusterer.normalize import failure_line
from clusterer.records import Outcome, Phase

PHASES: tuple[Phase, ...] = ("setup", "call", "teardown")


def as_dict(value: Any) -> dict[str, Any]:
    """Return ``value`` if it is a dict, else an empty dict."""
    return value if isinstance(value, dict) else {}


def as_str(value: Any) -> str:
    """Return ``value`` if it is a string, ``""`` for ``None``, else its ``str()``."""
    if isinstance(value, str):
        return value
    return "" if value is None else str(value)


def as_float(value: Any) -> float | None:
    """Return ``value`` as a float when it is a number or a numeric string, else ``None``."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.replace(",", ""))
        except ValueError:
            return None
    return None


def first_line(text: str) -> str:
    """The first non-blank line of ``text``, stripped."""
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


def derived_message(text: str) -> str:
    """The message of a failure whose report carries none: its error line as the canonical text reads it
    (:func:`clusterer.normalize.failure_line`: ``Type: message``), else its last non-blank line. The last line
    alone is often a runner's tally (``1 failed in 0.45s``), a rule, a caret line or pytest's ``tests/x.py:12:
    AssertionError``; and a message is what names the cluster and, when the text shows no exception, what the
    canonical text is built from (on the real-project lists, read halves, the cost at 3:1 of feeding tiny the last
    line was 113 failures, of feeding it this 102, of feeding it nothing 100)."""
    return failure_line(text) or last_line(text)


def last_line(text: str) -> str:
    """The last non-blank line of ``text``, stripped."""
    for line in reversed(text.splitlines()):
        if line.strip():
            return line.strip()
    return ""


def phase_outcome(phase: Phase) -> Outcome:
    """The outcome of a test whose first failing phase is ``phase``: ``failed`` for call, else ``error``."""
    return "failed" if phase == "call" else "error"


def file_of(nodeid: str) -> str | None:
    """The file part of a pytest node id (``path::name`` -> ``path``), if it has one."""
    head, sep, _ = nodeid.partition("::")
    return head if sep and head else None
