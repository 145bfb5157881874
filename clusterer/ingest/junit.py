"""Reader for JUnit/xUnit XML: pytest ``--junitxml`` (xunit1/xunit2), Maven Surefire, jest-junit, go-junit-report.

XML is parsed only with :mod:`defusedxml` (DTDs, entity declarations and external references are refused)
and incrementally, so a large file does not build a large tree.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, replace
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import iterparse

from clusterer.errors import InputError
from clusterer.ingest._common import as_float, derived_message, first_line
from clusterer.records import Outcome, Phase, Run, TestCase

FORMAT = "junit"

_ROOTS = ("testsuites", "testsuite")
_PYTEST_PHASE_ERROR = re.compile(r'^failed on (setup|teardown) with "(.*)"$', re.DOTALL)
_PYTEST_BANNER = re.compile(r"^-+ Captured (?:Log|Out|Err|log|stdout|stderr)[^\n]*-+$", re.MULTILINE)
_POSITION_SUFFIX = re.compile(r": line \d+, column \d+$")


@dataclass(frozen=True)
class _Suite:
    name: str
    file: str | None


def read_junit(text: str, *, source: str, index: int = 0) -> Run:
    """Build a :class:`Run` from a JUnit/xUnit XML document.

    The root is ``<testsuites>`` or ``<testsuite>``; suites may nest. Each ``<testcase>`` becomes one
    result: ``<failure>`` -> ``failed``, ``<error>`` -> ``error``, ``<skipped>`` -> ``skipped`` (``xfailed``
    for pytest's ``pytest.xfail`` type). Surefire's ``flakyFailure``/``flakyError`` (passed on a rerun)
    give ``passed`` with ``flaky=True``; ``rerunFailure``/``rerunError`` count as ``reruns``. For pytest
    reports the node id ``path::Class::name`` is rebuilt from ``classname`` (and ``file`` in xunit1), and
    pytest's separate ``failed on setup/teardown`` errors set ``phase``. Other producers get
    ``classname::name``. A test id seen again (a rerun) replaces the earlier result and counts a rerun.

    Parameters
    ----------
    text:
        The whole decoded document.
    source:
        Label used in error messages and ``Run.source``.
    index:
        Run index, 0-based.

    Returns
    -------
    Run
        One :class:`TestCase` per test id, in order of first appearance.
    """
    cases: list[TestCase] = []
    positions: dict[str, int] = {}
    suites: list[_Suite] = []
    stack: list[Element] = []
    root_time: float | None = None
    pytest_root = False  # pytest writes <testsuites name="pytest tests"> whatever junit_suite_name says
    child_suite_times: list[float] = []
    try:
        events = iterparse(
            io.StringIO(text), events=("start", "end"), forbid_dtd=True, forbid_entities=True, forbid_external=True
        )
        for event, elem in events:
            tag = _local(elem.tag)
            if event == "start":
                if not stack:
                    if tag not in _ROOTS:
                        raise InputError(
                            source,
                            f"XML root <{tag}> is not JUnit/xUnit (expected <testsuites> or <testsuite>)",
                            kind="shape",
                        )
                    root_time = as_float(elem.get("time"))
                    pytest_root = tag == "testsuites" and elem.get("name", "").startswith("pytest")
                if tag == "testsuite":
                    parent_file = suites[-1].file if suites else None
                    suites.append(_Suite(name=elem.get("name", ""), file=elem.get("file") or parent_file))
                stack.append(elem)
                continue
            stack.pop()
            if tag == "testcase":
                _add(cases, positions, _read_case(elem, suites[-1] if suites else None, index, pytest_root))
                _drop(elem, stack)
            elif tag == "testsuite":
                suites.pop()
                if len(stack) == 1 and _local(stack[0].tag) == "testsuites":
                    time = as_float(elem.get("time"))
                    if time is not None:
                        child_suite_times.append(time)
                _drop(elem, stack)
    except ParseError as exc:
        line, column = exc.position
        reason = _POSITION_SUFFIX.sub("", str(exc))
        raise InputError(source, f"malformed XML at line {line}, column {column}: {reason}", kind="malformed") from None
    except EntitiesForbidden:
        raise InputError(source, "XML entity declarations are not allowed", kind="malformed") from None
    except DTDForbidden as exc:
        raise InputError(
            source, f"XML DTDs and entity declarations are not allowed (<!DOCTYPE {exc.name}>)", kind="malformed"
        ) from None
    except ExternalReferenceForbidden:
        raise InputError(source, "XML external references are not allowed", kind="malformed") from None
    duration = root_time if root_time is not None else (sum(child_suite_times) if child_suite_times else None)
    return Run(source=source, format=FORMAT, tests=tuple(cases), duration=duration, index=index)


def _local(tag: object) -> str:
    """Tag name without an XML namespace."""
    name = tag if isinstance(tag, str) else ""
    return name.rsplit("}", 1)[-1]


def _drop(elem: Element, stack: list[Element]) -> None:
    """Free a finished element: clear it and unlink it from its parent (O(1): it is the last child)."""
    elem.clear()
    if stack:
        parent = stack[-1]
        if len(parent) and parent[-1] is elem:
            del parent[-1]


def _add(cases: list[TestCase], positions: dict[str, int], case: TestCase) -> None:
    """Append ``case``, merging with an earlier result of the same test id."""
    at = positions.get(case.test)
    if at is None:
        positions[case.test] = len(cases)
        cases.append(case)
        return
    previous = cases[at]
    if case.phase == "teardown" and case.outcome == "error":
        # pytest writes a teardown error as a second <testcase>; a call failure before it stays the result.
        if not previous.is_failure:
            cases[at] = replace(case, stdout=previous.stdout or case.stdout, stderr=previous.stderr or case.stderr)
        return
    flaky = case.flaky or (previous.is_failure and case.outcome == "passed")
    cases[at] = replace(case, reruns=previous.reruns + case.reruns + 1, flaky=flaky)


def _text(elem: Element | None) -> str:
    if elem is None:
        return ""
    return "".join(elem.itertext()).strip("\n")


def _child_text(elem: Element, tag: str) -> str:
    for child in elem:
        if _local(child.tag) == tag:
            return _text(child)
    return ""


def _output(text: str) -> str:
    """Captured output without pytest's ``--- Captured Out ---`` section banners (``junit_logging``)."""
    if "Captured" in text and _PYTEST_BANNER.search(text):
        return _PYTEST_BANNER.sub("", text).strip("\n")
    return text


def _message(elem: Element, body: str) -> str:
    message = first_line(elem.get("message") or "") or derived_message(body)
    kind = elem.get("type") or ""
    if kind and message and kind not in message and not kind.startswith("pytest."):
        return f"{kind}: {message}"
    return message or kind


def _read_case(elem: Element, suite: _Suite | None, run: int, pytest_root: bool = False) -> TestCase:
    name = elem.get("name", "")
    classname = elem.get("classname", "")
    file = elem.get("file") or (suite.file if suite else None)
    is_pytest = pytest_root or (suite is not None and suite.name == "pytest") or bool(file and file.endswith(".py"))
    if is_pytest and classname:
        test, file = _pytest_id(classname, name, file)
    elif is_pytest and (file or name):
        # A collection error: pytest leaves classname empty and names the module (xunit1 adds file=).
        test = file or name.replace(".", "/") + ".py"
        file = test
    elif classname and classname != name:
        test = f"{classname}::{name}"
    else:
        test = name or classname

    primary: Element | None = None
    skipped: Element | None = None
    flaky_attempts: list[Element] = []
    rerun_attempts: list[Element] = []
    stdout = stderr = ""
    for child in elem:
        tag = _local(child.tag)
        if tag in ("failure", "error") and primary is None:
            primary = child
        elif tag == "skipped" and skipped is None:
            skipped = child
        elif tag in ("flakyFailure", "flakyError"):
            flaky_attempts.append(child)
        elif tag in ("rerunFailure", "rerunError"):
            rerun_attempts.append(child)
        elif tag == "system-out":
            stdout = _output(_text(child))
        elif tag == "system-err":
            stderr = _output(_text(child))

    outcome: Outcome = "passed"
    phase: Phase | None = None
    message = traceback = ""
    reruns = len(rerun_attempts)
    flaky = False
    if primary is not None:
        outcome = "failed" if _local(primary.tag) == "failure" else "error"
        traceback = _text(primary)
        message = _message(primary, traceback)
        if not traceback:
            traceback = primary.get("message") or ""
        if is_pytest:
            phase, message = _pytest_phase(outcome, primary.get("message") or "", message)
    elif skipped is not None:
        outcome = "xfailed" if skipped.get("type") == "pytest.xfail" else "skipped"
        message = first_line(skipped.get("message") or "") or first_line(_text(skipped))
    elif flaky_attempts:
        flaky = True
        reruns = len(flaky_attempts)
        first = flaky_attempts[0]
        traceback = _child_text(first, "stackTrace")
        message = _message(first, traceback)
    return TestCase(
        test=test,
        outcome=outcome,
        phase=phase,
        duration=as_float(elem.get("time")),
        message=message,
        traceback=traceback,
        stdout=stdout,
        stderr=stderr,
        file=file,
        reruns=reruns,
        flaky=flaky,
        run=run,
    )


def _pytest_phase(outcome: Outcome, raw_message: str, message: str) -> tuple[Phase | None, str]:
    """pytest's phase: failures are in ``call``; errors say ``failed on setup/teardown with "..."``."""
    if outcome == "failed":
        return "call", message
    match = _PYTEST_PHASE_ERROR.match(raw_message)
    if match:
        phase: Phase = "setup" if match.group(1) == "setup" else "teardown"
        return phase, first_line(match.group(2))
    return None, message


def _pytest_id(classname: str, name: str, file: str | None) -> tuple[str, str | None]:
    """Rebuild a pytest node id from ``classname`` (``pkg.test_mod.TestCls``), ``name`` and ``file``."""
    if file and file.endswith(".py"):
        module = file[:-3].replace("\\", "/").replace("/", ".")
        if classname == module:
            return f"{file}::{name}", file
        if classname.startswith(module + "."):
            return "::".join([file, *classname[len(module) + 1 :].split("."), name]), file
    parts = classname.split(".")
    cut = len(parts)
    while cut > 1 and parts[cut - 1][:1].isupper():
        cut -= 1
    path = "/".join(parts[:cut]) + ".py"
    return "::".join([path, *parts[cut:], name]), file or path
