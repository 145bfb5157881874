"""Tests of clusterer.ingest: every format on real (or documented-shape) files, and every kind of bad input.

The pytest fixtures in tests/data/ingest/ come from really running pytest --json-report / --report-log /
--junitxml on the throwaway suite in tests/data/ingest/src (see generate.sh there). The Surefire, jest-junit
and go-junit-report files reproduce the documented shapes of those tools.
"""

from __future__ import annotations

import copy
import gzip
import json
import re
import time
from pathlib import Path

import pytest

from clusterer.errors import InputError
from clusterer.ingest import DEFAULT_MAX_BYTES, parse_results, read_results
from clusterer.records import Run
from clusterer.records import TestCase as Case  # aliased so pytest does not try to collect it

DATA = Path(__file__).parent / "data" / "ingest"
SUITE = "suite/sample_basic.py"
PYTEST_FILES = ["pytest-json-report.json", "reportlog.jsonl", "pytest-junit-xunit1.xml", "pytest-junit-xunit2.xml"]


def by_id(run: Run) -> dict[str, Case]:
    return {case.test: case for case in run.tests}


def unaddress(text: str) -> str:
    """The fixtures come from separate pytest runs: object addresses differ."""
    return re.sub(r"0x[0-9a-f]+", "0x?", text)


def tid(name: str) -> str:
    return f"{SUITE}::{name}"


@pytest.fixture(scope="module")
def json_run() -> Run:
    return read_results(DATA / "pytest-json-report.json")


@pytest.fixture(scope="module")
def reportlog_run() -> Run:
    return read_results(DATA / "reportlog.jsonl")


# --- the three pytest outputs of the same suite -------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("pytest-json-report.json", "pytest-json"),
        ("reportlog.jsonl", "reportlog"),
        ("pytest-junit-xunit1.xml", "junit"),
        ("pytest-junit-xunit2.xml", "junit"),
    ],
)
def test_pytest_outputs_agree_on_ids_outcomes_and_phases(name: str, fmt: str) -> None:
    run = read_results(DATA / name)
    assert run.format == fmt
    assert run.source == str(DATA / name)
    cases = by_id(run)
    expected = {
        tid("test_passes"): ("passed", None),
        tid("test_assert_fails"): ("failed", "call"),
        tid("test_chained_exception"): ("failed", "call"),
        tid("test_implicit_chain"): ("failed", "call"),
        tid("test_setup_error"): ("error", "setup"),
        tid("test_teardown_error"): ("error", "teardown"),
        tid("test_call_and_teardown_fail"): ("failed", "call"),
        tid("test_output_captured"): ("failed", "call"),
        tid("test_skipped"): ("skipped", None),
        tid("test_xfail"): ("xfailed", None),
        tid("test_xpass_strict"): ("failed", "call"),
        tid("TestGroup::test_method_passes"): ("passed", None),
        tid("TestGroup::test_method_fails"): ("failed", "call"),
        tid("TestGroup::test_param[1]"): ("passed", None),
        tid("TestGroup::test_param[2]"): ("failed", "call"),
        tid("test_flaky_passes_on_rerun"): ("passed", None),
        tid("test_always_fails_with_reruns"): ("failed", "call"),
        "suite/sample_broken.py": ("error", None),
    }
    for test, (outcome, phase) in expected.items():
        assert (cases[test].outcome, cases[test].phase) == (outcome, phase), test
    # JUnit has no xpass: pytest writes a non-strict xpass as a plain pass.
    assert cases[tid("test_xpass")].outcome == ("passed" if fmt == "junit" else "xpassed")
    assert len(run.tests) == 19
    assert len(run.failures) == 12
    assert all(case.file == SUITE for case in run.tests if case.test.startswith(SUITE))
    assert cases[tid("test_setup_error")].message == "ConnectionError: could not connect to db:5432 (pool exhausted)"
    assert cases[tid("test_teardown_error")].message == "RuntimeError: teardown: cache not invalidated"
    assert cases[tid("test_xpass_strict")].message == "[XPASS(strict)] strict"
    assert "ModuleNotFoundError" in cases["suite/sample_broken.py"].traceback
    assert run.duration is not None and run.duration > 0


@pytest.mark.parametrize("name", PYTEST_FILES[1:])
def test_failure_text_matches_pytest_longrepr(json_run: Run, name: str) -> None:
    """The reportlog renderer and the JUnit bodies give the very text pytest-json-report stores."""
    reference = by_id(json_run)
    other = by_id(read_results(DATA / name))
    for test, case in reference.items():
        if case.is_failure and test.startswith(SUITE):
            assert unaddress(other[test].traceback) == unaddress(case.traceback), test


def test_pytest_json_details(json_run: Run) -> None:
    cases = by_id(json_run)
    chained = cases[tid("test_chained_exception")]
    assert chained.message == "RuntimeError: model weights missing: /nonexistent/model.bin"
    assert "The above exception was the direct cause of the following exception:" in chained.traceback
    captured = cases[tid("test_output_captured")]
    assert (captured.stdout, captured.stderr) == ("hello from stdout\n", "oops on stderr\n")
    assert cases[tid("test_skipped")].message == "Skipped: not on this platform"
    assert cases[tid("test_xfail")].message == "TimeoutError: websocket ping timed out"
    assert cases[tid("test_call_and_teardown_fail")].message == "AssertionError: assert 'resource' == 'other'"
    flaky = cases[tid("test_flaky_passes_on_rerun")]
    assert (flaky.outcome, flaky.flaky, flaky.reruns) == ("passed", True, 1)
    raw = json.loads((DATA / "pytest-json-report.json").read_text())
    assert json_run.duration == raw["duration"]
    raw_setup_error = next(t for t in raw["tests"] if t["nodeid"] == tid("test_setup_error"))
    phases = [raw_setup_error[p]["duration"] for p in ("setup", "call", "teardown") if p in raw_setup_error]
    assert cases[tid("test_setup_error")].duration == pytest.approx(sum(phases))
    assert all(case.run == 0 for case in json_run.tests)


def test_reportlog_reruns_chains_and_output(reportlog_run: Run) -> None:
    cases = by_id(reportlog_run)
    flaky = cases[tid("test_flaky_passes_on_rerun")]
    assert (flaky.outcome, flaky.flaky, flaky.reruns) == ("passed", True, 1)
    always = cases[tid("test_always_fails_with_reruns")]
    assert (always.outcome, always.flaky, always.reruns) == ("failed", False, 2)
    explicit = cases[tid("test_chained_exception")].traceback
    assert explicit.index("FileNotFoundError") < explicit.index("direct cause") < explicit.index("RuntimeError")
    implicit = cases[tid("test_implicit_chain")].traceback
    assert "During handling of the above exception, another exception occurred:" in implicit
    assert "_ _ _ _ _" in explicit  # pytest's separator between entries
    captured = cases[tid("test_output_captured")]
    assert (captured.stdout, captured.stderr) == ("hello from stdout\n", "oops on stderr\n")
    assert cases[tid("test_skipped")].message == "Skipped: not on this platform"
    assert cases[tid("test_xpass")].outcome == "xpassed"


def test_reportlog_single_attempt_without_chain_and_session_lines() -> None:
    lines = [
        {"pytest_version": "8.3.0", "$report_type": "SessionStart"},
        {"nodeid": "t.py::a", "when": "setup", "outcome": "passed", "duration": 0.5, "$report_type": "TestReport"},
        {
            "nodeid": "t.py::a",
            "when": "call",
            "outcome": "failed",
            "duration": 0.25,
            "longrepr": {
                "reprcrash": {"path": "/x/t.py", "lineno": 3, "message": "ZeroDivisionError: division by zero"},
                "reprtraceback": {
                    "reprentries": [
                        {
                            "type": "ReprEntry",
                            "data": {
                                "lines": [
                                    "    def test_a():",
                                    ">       1 / 0",
                                    "E       ZeroDivisionError: division by zero",
                                ],
                                "reprfuncargs": {"args": []},
                                "reprlocals": None,
                                "reprfileloc": {"path": "t.py", "lineno": 3, "message": "ZeroDivisionError"},
                                "style": "long",
                            },
                        }
                    ],
                    "extraline": None,
                    "style": "long",
                },
                "sections": [],
                "chain": None,
            },
            "sections": [["Captured stdout call", "hi\n"]],
            "$report_type": "TestReport",
        },
        {"nodeid": "t.py::a", "when": "teardown", "outcome": "passed", "duration": 0.25, "$report_type": "TestReport"},
        {"exitstatus": 1, "$report_type": "SessionFinish"},
    ]
    run = parse_results("\n".join(json.dumps(line) for line in lines).encode(), source="log.jsonl")
    (case,) = run.tests
    assert case.traceback == (
        "def test_a():\n>       1 / 0\nE       ZeroDivisionError: division by zero\n\nt.py:3: ZeroDivisionError"
    )
    assert (case.outcome, case.phase, case.duration, case.stdout) == ("failed", "call", 1.0, "hi\n")
    assert run.duration is None  # no start/stop stamps in these lines


def test_single_reportlog_line_is_still_reportlog() -> None:
    run = parse_results(b'{"pytest_version": "8.3.0", "$report_type": "SessionStart"}\n', source="one.jsonl")
    assert (run.format, run.tests) == ("reportlog", ())


# --- other JUnit producers -----------------------------------------------------------------------------------


def test_surefire_flaky_and_rerun() -> None:
    run = read_results(DATA / "surefire-TEST-com.example.cache.CacheServiceTest.xml")
    cases = by_id(run)
    cls = "com.example.cache.CacheServiceTest"
    assert run.format == "junit" and run.duration == pytest.approx(3.418)
    rerun = cases[f"{cls}::invalidatesOnWrite"]
    assert (rerun.outcome, rerun.reruns, rerun.flaky) == ("failed", 2, False)
    assert rerun.message == "org.opentest4j.AssertionFailedError: expected: <fresh> but was: <stale>"
    assert "CacheServiceTest.java:48" in rerun.traceback
    assert rerun.stdout.strip() == "cache hit for key user:42"
    error = cases[f"{cls}::connectsToPool"]
    assert (error.outcome, error.reruns, error.flaky) == ("error", 1, False)
    assert error.message.startswith("java.sql.SQLTransientConnectionException: HikariPool-1")
    assert "Thread starvation" in error.stderr
    flaky_failure = cases[f"{cls}::evictsUnderLoad"]
    assert (flaky_failure.outcome, flaky_failure.flaky, flaky_failure.reruns) == ("passed", True, 1)
    assert "expected: <0> but was: <3>" in flaky_failure.traceback
    flaky_error = cases[f"{cls}::warmsUpAsync"]
    assert (flaky_error.outcome, flaky_error.flaky, flaky_error.reruns) == ("passed", True, 2)
    skipped = cases[f"{cls}::clusterMode"]
    assert (skipped.outcome, skipped.message) == ("skipped", "Redis cluster not available")
    assert [c.test for c in run.failures] == [f"{cls}::invalidatesOnWrite", f"{cls}::connectsToPool"]
    assert all(c.phase is None for c in run.tests)


def test_jest_junit() -> None:
    run = read_results(DATA / "jest-junit.xml")
    cases = by_id(run)
    assert run.duration == pytest.approx(2.147)
    failed = cases["RateLimiter resets between tests"]
    assert failed.outcome == "failed"
    assert failed.message == "Error: expect(received).toBe(expected) // Object.is equality"
    assert "rateLimiter.test.js:27:28" in failed.traceback
    assert cases["RateLimiter burst mode"].outcome == "skipped"
    assert cases["RateLimiter allows requests under the limit"].outcome == "passed"
    suite_error = cases["Test suite failed to run::src/__tests__/model.test.js"]
    assert suite_error.outcome == "error"
    assert "Cannot find module" in suite_error.traceback
    assert cases["websocket client receives pong within 100ms"].duration == pytest.approx(0.503)


def test_go_junit_report() -> None:
    run = read_results(DATA / "go-junit-report.xml")
    cases = by_id(run)
    assert run.duration == pytest.approx(0.017)  # no time on <testsuites>: the suites' times are summed
    sub = cases["example.com/app/ratelimit::TestShared/parallel"]
    assert (sub.outcome, sub.message) == ("failed", "Failed")
    assert "got 429, want 200" in sub.traceback
    assert cases["example.com/app/ratelimit::TestShared"].traceback == "Failed"
    panic = cases["example.com/app/pool::Failure"]
    assert (panic.outcome, panic.message) == ("error", "Runtime error")
    assert "nil pointer dereference" in panic.traceback
    skipped = cases["example.com/app/ratelimit::TestRedis"]
    assert (skipped.outcome, skipped.message) == ("skipped", "Skipped")


def test_nested_suites_namespaces_and_message_body() -> None:
    xml = b"""<?xml version="1.0"?>
<testsuites xmlns="urn:example">
  <testsuite name="outer" time="1.5">
    <testsuite name="inner">
      <testcase classname="a.B" name="one"><failure type="Boom">line one
line two</failure></testcase>
      <testcase classname="a.B" name="two"><error message="bad&#10;thing"/></testcase>
    </testsuite>
    <testcase name="bare"/>
  </testsuite>
</testsuites>"""
    run = parse_results(xml, source="nested.xml", index=3)
    cases = by_id(run)
    assert list(cases) == ["a.B::one", "a.B::two", "bare"]
    assert cases["a.B::one"].message == "Boom: line one"
    assert cases["a.B::one"].traceback == "line one\nline two"
    assert (cases["a.B::two"].message, cases["a.B::two"].traceback) == ("bad", "bad\nthing")
    assert run.duration == 1.5
    assert run.index == 3 and {c.run for c in run.tests} == {3}


def test_single_testsuite_root_and_empty_suite() -> None:
    run = parse_results(b'<testsuite name="x" tests="0" time="0.25"/>', source="empty-suite.xml")
    assert (run.format, run.tests, run.duration) == ("junit", (), 0.25)


# --- failures JSON -------------------------------------------------------------------------------------------


def test_failures_json_list_and_object() -> None:
    text = 'Traceback (most recent call last):\n  File "x.py", line 1\nValueError: nope\n'
    items = [{"test": "tests/test_x.py::test_a", "text": text}, {"test": "b", "text": "boom", "message": "custom"}]
    for payload in (items, {"failures": items}):
        run = parse_results(json.dumps(payload).encode(), source="request")
        assert run.format == "failures-json"
        a, b = run.tests
        assert (a.test, a.outcome, a.message, a.traceback, a.file) == (
            "tests/test_x.py::test_a",
            "failed",
            "ValueError: nope",
            text,
            "tests/test_x.py",
        )
        assert (b.message, b.file) == ("custom", None)
    assert parse_results(b"[]", source="request").tests == ()


def test_a_failure_without_a_message_gets_its_error_line_not_its_last_line() -> None:
    """A report without a message field: the message (which names the cluster, and builds the canonical text when
    the traceback shows no exception) is the failure's error line, not the tally, rule or location line that
    ends its text."""
    pytest_tail = (
        "    def test_total():\n>       assert total() == 4\nE       assert 3 == 4\n\ntests/test_a.py:9: AssertionError"
    )
    console = "$ pytest -q\nthe job died with\n`psycopg2.errors.UndefinedTable: relation x does not exist`\n1 failed"
    items = [{"test": "t::a", "text": pytest_tail}, {"test": "t::b", "text": console}, {"test": "t::c", "text": "ok"}]
    a, b, c = parse_results(json.dumps(items).encode(), source="request").tests
    assert a.message == "AssertionError: assert 3 == 4"
    assert b.message == "psycopg2.errors.UndefinedTable: relation x does not exist"
    assert c.message == "ok"
    xml = (
        '<testsuite name="s"><testcase classname="com.acme.QuotaTest" name="burst"><failure>'
        "java.lang.AssertionError: expected:&lt;200&gt; but was:&lt;429&gt;\n"
        "\tat org.junit.Assert.fail(Assert.java:89)\n\tat com.acme.QuotaTest.burst(QuotaTest.java:31)\n"
        "</failure></testcase></testsuite>"
    )
    (case,) = parse_results(xml.encode(), source="quota.xml").tests
    assert case.message == "java.lang.AssertionError: expected:<200> but was:<429>"


@pytest.mark.parametrize(
    ("payload", "problem"),
    [
        ([1], "item 1 is a int"),
        ([{"text": "x"}], "item 1 has no string 'test'"),
        ([{"test": "a", "text": "x"}, {"test": "b"}], "item 2 (b) has no string 'text'"),
        ({"failures": "x"}, "'failures' is a str"),
    ],
)
def test_failures_json_bad_items(payload: object, problem: str) -> None:
    with pytest.raises(InputError, match=r"^request: failures JSON .*") as info:
        parse_results(json.dumps(payload).encode(), source="request")
    assert problem in str(info.value)


# --- bad input ---------------------------------------------------------------------------------------------


def one_line_error(call: object, *args: object, **kwargs: object) -> str:
    with pytest.raises(InputError) as info:
        call(*args, **kwargs)  # type: ignore[operator]
    message = str(info.value)
    assert "\n" not in message
    return message


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.json"
    assert one_line_error(read_results, path) == f"{path}: no such file"


def test_directory(tmp_path: Path) -> None:
    assert one_line_error(read_results, tmp_path) == f"{tmp_path}: is a directory, not a results file"


def test_empty_and_blank_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.xml"
    empty.write_bytes(b"")
    assert one_line_error(read_results, empty) == f"{empty}: empty file"
    blank = tmp_path / "blank.json"
    blank.write_bytes(b" \n\t\n")
    assert one_line_error(read_results, blank) == f"{blank}: empty file (only whitespace)"
    assert one_line_error(parse_results, b"", source="body") == "body: empty file"


def test_malformed_json_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "results.json"
    path.write_text('{"tests": [\n  {"nodeid": "a"\n  "outcome": "failed"}\n]}')
    assert one_line_error(read_results, path) == (
        f"{path}: malformed JSON at line 3, column 3: Expecting ',' delimiter"
    )


def test_malformed_reportlog_line(tmp_path: Path) -> None:
    good = (DATA / "reportlog.jsonl").read_text().splitlines()
    path = tmp_path / "log.jsonl"
    path.write_text("\n".join([*good[:3], '{"nodeid": "x", ', *good[3:]]))
    assert one_line_error(read_results, path).startswith(f"{path}: malformed JSON at line 4, column 17:")


def test_two_concatenated_documents_report_the_extra_data() -> None:
    data = b'{\n  "tests": []\n}\n{\n  "tests": []\n}\n'
    assert one_line_error(parse_results, data, source="two.json") == (
        "two.json: malformed JSON at line 4, column 1: Extra data"
    )


def test_json_lines_that_are_not_reportlog() -> None:
    message = one_line_error(parse_results, b'{"a": 1}\n{"b": 2}\n', source="lines.jsonl")
    assert message == "lines.jsonl: JSON lines without '$report_type' (line 1) are not pytest-reportlog"


def test_malformed_xml_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "junit.xml"
    path.write_text('<testsuites>\n  <testsuite name="a">\n    <testcase name="x">\n  </testsuite>\n</testsuites>')
    assert one_line_error(read_results, path) == f"{path}: malformed XML at line 4, column 4: mismatched tag"


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b'{"results": []}', "JSON object without 'tests' is not a pytest-json-report, pytest-reportlog or failures"),
        (b"42", "JSON int is not a results file"),
        (b'"text"', "JSON str is not a results file"),
        (b'{"tests": "x"}', "pytest-json-report 'tests' is a str, expected a list"),
        (b"<html><body/></html>", "XML root <html> is not JUnit/xUnit (expected <testsuites> or <testsuite>)"),
        (b"hello world\n", "not a results file: expected JSON or XML, found text starting 'hello world'"),
    ],
)
def test_unknown_shapes(data: bytes, problem: str) -> None:
    message = one_line_error(parse_results, data, source="in.dat")
    assert message.startswith(f"in.dat: {problem}")


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "model.bin"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert one_line_error(read_results, path) == f"{path}: binary file (contains NUL bytes), not a text results file"


def test_xml_entity_bomb(tmp_path: Path) -> None:
    entities = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    bomb = f'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol0 "lol">{entities}]>\n<testsuites>&lol9;</testsuites>'
    path = tmp_path / "bomb.xml"
    path.write_text(bomb)
    message = one_line_error(read_results, path)
    assert message.startswith(f"{path}: XML ") and "entity declarations are not allowed" in message


def test_external_entity_is_refused() -> None:
    xxe = b'<?xml version="1.0"?><!DOCTYPE t [<!ENTITY x SYSTEM "file:///etc/passwd">]><testsuite>&x;</testsuite>'
    assert "entity declarations are not allowed" in one_line_error(parse_results, xxe, source="xxe.xml")


def test_file_over_max_bytes_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(b"[" + b" " * 2000 + b"]")

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", no_reading)
    message = one_line_error(read_results, path, max_bytes=1024)
    assert message == f"{path}: file is too large (2 KiB; the limit is 1 KiB)"
    assert one_line_error(parse_results, b"[]" * 600, source="body", max_bytes=1024) == (
        "body: input is too large (1.2 KiB; the limit is 1 KiB)"
    )
    assert DEFAULT_MAX_BYTES == 200 * 1024 * 1024


def test_gzip_is_read_transparently(tmp_path: Path) -> None:
    path = tmp_path / "results.json"  # the name says nothing about gzip: the magic bytes do
    path.write_bytes(gzip.compress((DATA / "pytest-json-report.json").read_bytes()))
    run = read_results(path)
    assert run.format == "pytest-json" and len(run.failures) == 12
    xml_gz = tmp_path / "report"
    xml_gz.write_bytes(gzip.compress((DATA / "jest-junit.xml").read_bytes()))
    assert read_results(xml_gz).format == "junit"


def test_gzip_bomb_and_corrupt_gzip(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.json.gz"
    bomb.write_bytes(gzip.compress(b"[" + b" " * 5_000_000 + b"]"))
    assert bomb.stat().st_size < 100_000
    message = one_line_error(read_results, bomb, max_bytes=1_000_000)
    assert message == f"{bomb}: gzip content is too large once decompressed (over the limit of 976.6 KiB)"
    corrupt = tmp_path / "cut.gz"
    corrupt.write_bytes(gzip.compress(b'{"tests": []}' * 100)[:-20])
    assert one_line_error(read_results, corrupt).startswith(f"{corrupt}: corrupt gzip data (")


def test_non_utf8_bytes_are_replaced(tmp_path: Path) -> None:
    text = "Traceback:\nValueError: caf\xe9 \xab na\xefve \xbb".encode("latin-1")
    path = tmp_path / "failures.json"
    path.write_bytes(b'[{"test": "t::a", "text": "' + text.replace(b"\n", b"\\n") + b'"}]')
    (case,) = read_results(path).tests
    assert case.message == "ValueError: caf\ufffd \ufffd na\ufffdve \ufffd"
    xml = b'<testsuite><testcase classname="c" name="n"><failure message="caf\xe9">Err\xe9</failure></testcase>'
    xml += b"</testsuite>"
    (case,) = parse_results(xml, source="latin.xml").tests
    assert (case.message, case.traceback) == ("caf\ufffd", "Err\ufffd")


def test_declared_xml_encoding_and_utf16_bom() -> None:
    latin = '<?xml version="1.0" encoding="ISO-8859-1"?><testsuite><testcase name="n"><failure message="caf\xe9"/>'
    latin += "</testcase></testsuite>"
    (case,) = parse_results(latin.encode("latin-1"), source="latin.xml").tests
    assert case.message == "caf\xe9"
    utf16 = '<testsuite><testcase name="n"><error message="\u00fcber"/></testcase></testsuite>'.encode("utf-16")
    (case,) = parse_results(utf16, source="utf16.xml").tests
    assert (case.outcome, case.message) == ("error", "\u00fcber")


def test_zero_failures_is_fine() -> None:
    report = {"created": 1.0, "duration": 0.5, "exitcode": 0, "summary": {"total": 0}, "tests": []}
    run = parse_results(json.dumps(report).encode(), source="clean.json")
    assert (run.format, run.tests, run.failures, run.duration) == ("pytest-json", (), (), 0.5)


@pytest.mark.parametrize(
    "data",
    [
        b'{"tests": [1, "x", null, {"nodeid": 3, "call": [], "setup": {"outcome": "failed", "crash": "x"}}]}',
        b'{"tests": [{"nodeid": "a", "outcome": "skipped", "setup": {"outcome": "skipped", "longrepr": "(1,"}}]}',
        b'{"tests": [], "collectors": [{"outcome": "failed"}, 5]}',
        b'{"$report_type": "TestReport", "nodeid": null, "longrepr": {"chain": [[null], 5, [{"reprentries": 3}]]}}',
        b'{"$report_type": "TestReport", "when": "call", "outcome": "failed", "longrepr": {"reprtraceback": []}}',
        b'<testsuite><testcase><skipped/><failure/></testcase><testcase time="abc"/></testsuite>',
        b"[" * 100_000,
        b'{"tests": [' + b"[" * 100_000 + b"]}",
    ],
)
def test_odd_shapes_never_escape_as_python_errors(data: bytes) -> None:
    try:
        run = parse_results(data, source="odd")
    except InputError as exc:
        assert str(exc).startswith("odd: ") and "\n" not in str(exc)
    else:
        assert isinstance(run, Run)


def test_index_is_carried_to_run_and_cases() -> None:
    run = read_results(DATA / "reportlog.jsonl", index=2)
    assert run.index == 2 and {case.run for case in run.tests} == {2}


def test_twenty_thousand_failures_parse_fast() -> None:
    report = json.loads((DATA / "pytest-json-report.json").read_text())
    template = next(t for t in report["tests"] if t["nodeid"] == tid("test_chained_exception"))
    tests = []
    for i in range(20_000):
        test = copy.copy(template)
        test["nodeid"] = f"tests/test_m{i % 40}.py::test_{i}"
        tests.append(test)
    report["tests"] = tests
    data = json.dumps(report).encode()
    start = time.perf_counter()
    run = parse_results(data, source="big.json")
    elapsed = time.perf_counter() - start
    assert len(run.failures) == 20_001  # plus the collection error
    assert elapsed < 5.0, f"20,000 failures took {elapsed:.2f} s"  # about 0.3 s on 2 cores; the bound catches O(n^2)
