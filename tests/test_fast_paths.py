"""The service's fast paths give the answers of the slow ones: orjson parsing, the passed-test reader, the memo."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clusterer import pipeline
from clusterer.errors import InputError
from clusterer.ingest import parse_results, pytest_json
from clusterer.ingest.detect import _loads
from clusterer.model import Model
from clusterer.pipeline import TextMemo, classify_runs
from clusterer.records import Run
from clusterer.report import render_json

ROOT = Path(__file__).resolve().parent.parent
LARGE = ROOT / "examples/results/large-run.json"


@pytest.mark.parametrize(
    "text",
    [
        '{"a": [1, 2.5, -0.0, "\\u00e9", null, true], "b": {"c": 1e3}}',
        "[123456789012345678901234567890, -9223372036854775809, 18446744073709551616]",  # beyond 64 bits: exact
        "[NaN, Infinity, -Infinity]",  # orjson refuses, the json module reads
        '["\\ud800"]',  # lone surrogate: orjson refuses
        "[0.12345678901234567890123, 1234567890123456789.5]",  # long fraction / long float: no fallback needed
        '{"a": 1, "a": 2}',
    ],
)
def test_loads_equals_the_json_module(text: str) -> None:
    got, want = _loads(text), json.loads(text)
    assert repr(got) == repr(want)  # repr: NaN != NaN, and int vs float must not differ


def test_long_integers_keep_every_digit_in_test_ids() -> None:
    body = b'{"tests": [{"nodeid": 123456789012345678901234567890, "outcome": "failed"}]}'
    run = parse_results(body, source="r")
    assert run.tests[0].test == "123456789012345678901234567890"


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (b'{"tests": [1, 2', "malformed JSON at line 1, column 16: Expecting ',' delimiter"),
        (b'{"tests": []} x', "malformed JSON at line 1, column 15: Extra data"),
        (b"[" * 100_000, "malformed JSON"),
    ],
)
def test_json_errors_are_the_json_modules(body: bytes, problem: str) -> None:
    with pytest.raises(InputError) as info:
        parse_results(body, source="r")
    assert info.value.problem.startswith(problem)


def test_json_lines_still_detected() -> None:
    lines = b'{"$report_type": "SessionStart", "pytest_version": "8"}\n{"$report_type": "SessionFinish"}\n'
    assert parse_results(lines, source="r").format == "reportlog"


def test_passed_fast_path_equals_the_general_reader() -> None:
    report = json.loads(LARGE.read_bytes())
    entries = [
        *report["tests"],
        {"nodeid": "a.py::t", "outcome": "passed", "setup": {"duration": 1}, "call": {"duration": "2.5"}},
        {"nodeid": "a.py::t", "outcome": "passed", "call": "odd", "teardown": {"duration": 0.5}},
        {"nodeid": "t", "outcome": "passed"},
        {"nodeid": 7, "outcome": "passed"},
    ]
    fast = 0
    for entry in entries:
        got = pytest_json._read_passed(entry, 3)
        if got is not None:
            fast += 1
            assert got == pytest_json._read_test(entry, 3)
    assert fast >= 600  # the bulk of the file takes the fast path


@pytest.fixture(scope="module")
def model() -> Model:
    return Model.load("tiny")


def _runs() -> list[Run]:
    files = [LARGE, ROOT / "examples/results/results.json", ROOT / "examples/results/results.xml"]
    return [parse_results(f.read_bytes(), source=f.name) for f in files]


def test_memo_never_changes_an_answer(model: Model, monkeypatch: pytest.MonkeyPatch) -> None:
    runs = _runs()
    monkeypatch.setattr(pipeline, "MEMO", TextMemo(max_entries=0))  # remembers nothing
    want = [render_json(classify_runs([r], model)) for r in runs] + [render_json(classify_runs(runs, model))]
    memo = TextMemo()
    monkeypatch.setattr(pipeline, "MEMO", memo)
    for _ in range(2):  # cold, then every text a hit; the several-run answer mixes hits and misses
        got = [render_json(classify_runs([r], model)) for r in runs] + [render_json(classify_runs(runs, model))]
        assert got == want
    assert len(memo.texts) == len({(t.traceback, t.message, t.test) for r in runs for t in r.failures})


def test_memo_is_bounded_and_keyed_by_the_exact_text(model: Model) -> None:
    memo = TextMemo(max_entries=3)
    rows = [[{"test": f"t.py::test_{i}", "text": f"ValueError: boom {i}"}] for i in range(5)]
    cases = [parse_results(json.dumps(r).encode(), source="r").failures[0] for r in rows]
    for case in cases:
        memo.canonical(case)
    assert len(memo.texts) == 3
    assert memo.texts.get((cases[0].traceback, cases[0].message, cases[0].test)) is None  # least recent went first
    texts = [memo.canonical(c) for c in cases]
    embedded = memo.embed(model.embedder, texts)
    assert (embedded != model.embedder.embed(texts)).nnz == 0
