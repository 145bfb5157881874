"""Reader for the plain failures list the service accepts: ``[{"test": ..., "text": ...}]``."""

from __future__ import annotations

from typing import Any

from clusterer.errors import InputError
from clusterer.ingest._common import as_str, derived_message, file_of, first_line
from clusterer.records import Run, TestCase

FORMAT = "failures-json"


def read_failures(value: list[Any] | dict[str, Any], *, source: str, index: int = 0) -> Run:
    """Build a :class:`Run` from a JSON list of failures, or an object with a ``failures`` list.

    Each item needs a string ``test`` (the test id) and a string ``text`` (the traceback); an optional
    string ``message`` overrides the message, which is otherwise the error line of ``text``
    (:func:`clusterer.ingest._common.derived_message`: ``ExceptionType: message`` wherever the text prints it, not a
    tally or a location line after it). Every item becomes a ``failed`` result.

    Parameters
    ----------
    value:
        The decoded JSON list, or an object whose ``failures`` member is that list.
    source:
        Label used in error messages and ``Run.source``.
    index:
        Run index, 0-based.

    Returns
    -------
    Run
        One failed :class:`TestCase` per item, in order.
    """
    items = value.get("failures") if isinstance(value, dict) else value
    if not isinstance(items, list):
        raise InputError(source, f"failures JSON 'failures' is a {type(items).__name__}, expected a list", kind="shape")
    cases = []
    for position, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise InputError(
                source,
                f"failures JSON item {position} is a {type(item).__name__}, expected an object {{test, text}}",
                kind="shape",
            )
        test, text = item.get("test"), item.get("text")
        if not isinstance(test, str) or not test:
            raise InputError(source, f"failures JSON item {position} has no string 'test'", kind="shape")
        if not isinstance(text, str):
            raise InputError(source, f"failures JSON item {position} ({test}) has no string 'text'", kind="shape")
        message = first_line(as_str(item.get("message"))) or derived_message(text)
        cases.append(
            TestCase(test=test, outcome="failed", message=message, traceback=text, file=file_of(test), run=index)
        )
    return Run(source=source, format=FORMAT, tests=tuple(cases), index=index)
