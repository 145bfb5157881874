"""Reader for pytest-reportlog JSON lines (``pytest --report-log``), including rendering of ``longrepr``."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
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
from clusterer.records import Outcome, Phase, Run, TestCase

FORMAT = "reportlog"

#: pytest's separator between traceback entries (``tw.sep("_ ")`` at 80 columns).
_ENTRY_SEPARATOR = "_ " * 40


@dataclass
class _Attempt:
    """The phase reports of one attempt of one test (pytest-rerunfailures may make several)."""

    reports: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass
class _TestState:
    attempt: _Attempt = field(default_factory=_Attempt)
    reruns: int = 0
    duration: float = 0.0
    timed: bool = False


def read_reportlog(text: str, *, source: str, index: int = 0) -> Run:
    """Build a :class:`Run` from pytest-reportlog JSON lines.

    ``TestReport`` lines are grouped by node id; the phases of the last attempt decide the outcome (the
    first ``failed`` phase: ``call`` -> ``failed``, ``setup``/``teardown`` -> ``error``). Reports with outcome
    ``rerun`` (pytest-rerunfailures) count as reruns, and a test that passes after a rerun is ``flaky``.
    Failed ``CollectReport`` lines become ``error`` results. ``Run.duration`` spans the first ``start`` to
    the last ``stop`` of the test reports.

    Parameters
    ----------
    text:
        The whole decoded file.
    source:
        Label used in error messages and ``Run.source``.
    index:
        Run index, 0-based.

    Returns
    -------
    Run
        One :class:`TestCase` per node id, in order of first appearance.
    """
    states: dict[str, _TestState] = {}
    collect_errors: list[TestCase] = []
    first_start: float | None = None
    last_stop: float | None = None
    seen_report_type = False
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(
                source, f"malformed JSON at line {lineno}, column {exc.colno}: {exc.msg}", kind="malformed"
            ) from None
        except RecursionError:
            raise InputError(source, f"malformed JSON at line {lineno}: nested too deeply", kind="malformed") from None
        if not isinstance(obj, dict) or "$report_type" not in obj:
            if not seen_report_type:
                raise InputError(
                    source, f"JSON lines without '$report_type' (line {lineno}) are not pytest-reportlog", kind="shape"
                )
            raise InputError(
                source, f"line {lineno} is not a pytest-reportlog record (no '$report_type')", kind="shape"
            )
        seen_report_type = True
        kind = obj["$report_type"]
        if kind == "TestReport":
            nodeid = as_str(obj.get("nodeid"))
            state = states.setdefault(nodeid, _TestState())
            when = as_str(obj.get("when"))
            duration = as_float(obj.get("duration"))
            if duration is not None:
                state.duration += duration
                state.timed = True
            start, stop = as_float(obj.get("start")), as_float(obj.get("stop"))
            if start is not None and (first_start is None or start < first_start):
                first_start = start
            if stop is not None and (last_stop is None or stop > last_stop):
                last_stop = stop
            if obj.get("outcome") == "rerun":
                state.reruns += 1
                state.attempt = _Attempt()
            elif when in state.attempt.reports and when != "teardown":
                # A new attempt of the same test without a "rerun" marker (e.g. --count / repeated node ids).
                state.attempt = _Attempt()
                state.attempt.reports[when] = obj
            else:
                state.attempt.reports[when] = obj
        elif kind == "CollectReport" and obj.get("outcome") == "failed":
            collect_errors.append(_collect_error(obj, index))
    cases = [_to_case(nodeid, state, index) for nodeid, state in states.items()]
    cases.extend(collect_errors)
    duration = last_stop - first_start if first_start is not None and last_stop is not None else None
    return Run(source=source, format=FORMAT, tests=tuple(cases), duration=duration, index=index)


def _to_case(nodeid: str, state: _TestState, run: int) -> TestCase:
    reports = state.attempt.reports
    ordered = [(name, reports[name]) for name in PHASES if name in reports]
    failing = next(((name, r) for name, r in ordered if r.get("outcome") == "failed"), None)
    call = reports.get("call", {})
    outcome: Outcome
    phase: Phase | None = None
    detail: dict[str, Any] = {}
    if failing is not None:
        phase, detail = failing
        outcome = phase_outcome(phase)
    elif call.get("outcome") == "skipped" and "wasxfail" in call:
        outcome, detail = "xfailed", call
    elif any(r.get("outcome") == "skipped" for _, r in ordered):
        outcome = "skipped"
        detail = next(r for _, r in ordered if r.get("outcome") == "skipped")
    elif call.get("outcome") == "passed" and "wasxfail" in call:
        outcome = "xpassed"
    else:
        outcome = "passed"

    longrepr = detail.get("longrepr")
    if outcome == "skipped":
        message, traceback = _skip_reason(longrepr), ""
    else:
        traceback = render_longrepr(longrepr)
        crash = as_dict(as_dict(longrepr).get("reprcrash"))
        message = first_line(as_str(crash.get("message"))) or derived_message(traceback)
    stdout, stderr = _captured(ordered)
    return TestCase(
        test=nodeid,
        outcome=outcome,
        phase=phase,
        duration=state.duration if state.timed else None,
        message=message,
        traceback=traceback,
        stdout=stdout,
        stderr=stderr,
        file=file_of(nodeid) or _location_file(ordered),
        reruns=state.reruns,
        flaky=state.reruns > 0 and outcome == "passed",
        run=run,
    )


def _location_file(ordered: Sequence[tuple[str, dict[str, Any]]]) -> str | None:
    for _, report in ordered:
        location = report.get("location")
        if isinstance(location, list) and location and isinstance(location[0], str):
            return location[0]
    return None


def _captured(ordered: Sequence[tuple[str, dict[str, Any]]]) -> tuple[str, str]:
    """Join captured stdout/stderr sections; pytest repeats earlier phases' sections, so dedupe by title."""
    sections: dict[str, str] = {}
    for _, report in ordered:
        for section in report.get("sections") or ():
            if isinstance(section, list) and len(section) == 2:
                sections.setdefault(as_str(section[0]), as_str(section[1]))
    stdout = "".join(body for title, body in sections.items() if title.startswith("Captured stdout"))
    stderr = "".join(body for title, body in sections.items() if title.startswith("Captured stderr"))
    return stdout, stderr


def _skip_reason(longrepr: Any) -> str:
    if isinstance(longrepr, list) and longrepr:
        return first_line(as_str(longrepr[-1]))
    return last_line(render_longrepr(longrepr))


def _collect_error(obj: dict[str, Any], run: int) -> TestCase:
    nodeid = as_str(obj.get("nodeid"))
    traceback = render_longrepr(obj.get("longrepr"))
    return TestCase(
        test=nodeid,
        outcome="error",
        message=derived_message(traceback),
        traceback=traceback,
        file=nodeid.partition("::")[0] or None,
        run=run,
    )


def render_longrepr(longrepr: Any) -> str:
    """Render a serialised pytest ``longrepr`` as text close to pytest's own long report.

    Parameters
    ----------
    longrepr:
        ``None``, a string, a ``[path, lineno, message]`` list (skips), or the dict pytest serialises
        (``reprcrash``, ``reprtraceback``, optional ``chain`` of ``[reprtraceback, reprcrash, description]``).

    Returns
    -------
    str
        The traceback text; chained exceptions are rendered oldest first, each followed by pytest's
        "The above exception was the direct cause of the following exception:" line.
    """
    if longrepr is None:
        return ""
    if isinstance(longrepr, str):
        return longrepr
    if isinstance(longrepr, list):
        return ":".join(as_str(part) for part in longrepr)
    if not isinstance(longrepr, dict):
        return as_str(longrepr)
    lines: list[str] = []
    chain = longrepr.get("chain")
    if isinstance(chain, list) and chain:
        for element in chain:
            if not isinstance(element, list) or not element:
                continue
            _render_traceback(as_dict(element[0]), lines)
            description = element[2] if len(element) > 2 else None
            if description:
                lines.append("")
                lines.append(as_str(description))
    else:
        _render_traceback(as_dict(longrepr.get("reprtraceback")), lines)
    text = "\n".join(lines).strip()  # pytest's ``longreprtext`` is stripped the same way
    if not text:
        crash = as_dict(longrepr.get("reprcrash"))
        text = as_str(crash.get("message"))
    return text


def _render_traceback(reprtraceback: dict[str, Any], lines: list[str]) -> None:
    entries = [as_dict(e) for e in reprtraceback.get("reprentries") or ()]
    for position, entry in enumerate(entries):
        data = as_dict(entry.get("data"))
        style = as_str(data.get("style")) or "long"
        if entry.get("type") == "ReprEntryNative":
            lines.extend(as_str(line).rstrip("\n") for line in data.get("lines") or ())
            continue
        if style == "long":
            lines.append("")
        _render_entry(data, style, lines)
        if position < len(entries) - 1:
            next_style = as_str(as_dict(entries[position + 1].get("data")).get("style")) or "long"
            if style == "long" or (style == "short" and next_style == "long"):
                lines.append(_ENTRY_SEPARATOR)
    extraline = reprtraceback.get("extraline")
    if extraline:
        lines.append(as_str(extraline))


def _render_entry(data: dict[str, Any], style: str, lines: list[str]) -> None:
    source_lines = [as_str(line) for line in data.get("lines") or ()]
    fileloc = as_dict(data.get("reprfileloc"))
    if style != "long":
        if fileloc:
            lines.append(_fileloc(fileloc))
        lines.extend(source_lines)
        return
    args = as_dict(data.get("reprfuncargs")).get("args") or ()
    _render_args([a for a in args if isinstance(a, list) and len(a) == 2], lines)
    lines.extend(source_lines)
    reprlocals = as_dict(data.get("reprlocals"))
    if reprlocals.get("lines"):
        lines.append("")
        lines.extend(as_str(line) for line in reprlocals["lines"])
    if fileloc:
        if source_lines:
            lines.append("")
        lines.append(_fileloc(fileloc))


def _fileloc(fileloc: dict[str, Any]) -> str:
    message = as_str(fileloc.get("message")).split("\n", 1)[0]
    return f"{as_str(fileloc.get('path'))}:{as_str(fileloc.get('lineno'))}: {message}"


def _render_args(args: list[list[Any]], lines: list[str], width: int = 80) -> None:
    """Function arguments as pytest prints them: ``name = value`` joined by ", " up to the line width."""
    if not args:
        return
    so_far = ""
    for name, value in args:
        item = f"{as_str(name)} = {as_str(value)}"
        if len(item) + len(so_far) + 2 > width:
            if so_far:
                lines.append(so_far)
            so_far = item
        else:
            so_far = f"{so_far}, {item}" if so_far else item
    if so_far:
        lines.append(so_far)
    lines.append("")
