"""The service's fast paths give the answers of the slow ones: orjson parsing, the passed-test reader, the memo."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
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


def _texts() -> list[str]:
    """Distinct canonical texts of the example results files (a few dozen, sharing many columns)."""
    from clusterer.normalize import canonical_text

    return list(dict.fromkeys(canonical_text(t) for r in _runs() for t in r.failures))


def test_similarity_kernel_equals_scipys_product(model: Model, monkeypatch: pytest.MonkeyPatch) -> None:
    from clusterer import classify

    X = model.embedder.embed(_texts())
    _, exemplars_t = model.classifier._transposed()
    want = classify._dense(X @ exemplars_t)
    for block in (classify._SIM_BLOCK, 2_000):  # one block, then a block per row or two
        monkeypatch.setattr(classify, "_SIM_BLOCK", block)
        got = classify._similarities(X, exemplars_t)
        assert got.dtype == want.dtype and np.array_equal(got, want)  # bit for bit, not approximately
        assert np.array_equal(classify._similarities(X[3:4], exemplars_t), want[3:4])


def test_similarity_blocks_stay_within_their_budget(model: Model, monkeypatch: pytest.MonkeyPatch) -> None:
    """No dense block of query rows x distinct columns exceeds _SIM_BLOCK values (at 20k failures an unbounded
    block held 160 MB), and the blocks cover every row once."""
    from clusterer import _sparse, classify

    X = model.embedder.embed(_texts())
    _, exemplars_t = model.classifier._transposed()
    want = classify._similarities(X, exemplars_t)
    shapes: list[tuple[int, int]] = []
    original = _sparse.dense_columns

    def recording(position, indptr, data, n_columns):  # type: ignore[no-untyped-def]
        dense = original(position, indptr, data, n_columns)
        shapes.append(dense.shape)
        return dense

    monkeypatch.setattr(classify, "dense_columns", recording)
    monkeypatch.setattr(classify, "_SIM_BLOCK", 4 * max(X.indptr[1:] - X.indptr[:-1]))
    got = classify._similarities(X, exemplars_t)
    assert np.array_equal(got, want)
    assert len(shapes) > 1 and sum(rows for _, rows in shapes) == X.shape[0]
    assert all(cols * rows <= classify._SIM_BLOCK or rows == 1 for cols, rows in shapes)


def test_gram_equals_scipys_product(model: Model) -> None:
    from clusterer.cluster import _rows_dot, gram

    X = model.embedder.embed(_texts())
    want = _rows_dot(X, X)
    got = gram(X)
    assert got.dtype == want.dtype and got.flags.c_contiguous and np.array_equal(got, want)


def test_transform_equals_scipys_column_selection(model: Model) -> None:
    emb = model.embedder
    texts = _texts()
    counted = emb._feature_texts(texts)
    full = emb._weigh(emb._counts(counted), emb._idf_full(), emb._concepts(counted))
    keep = np.concatenate([emb.columns_, 2 * emb.n_features + np.arange(len(emb.concepts_))])
    want = full[:, keep].tocsr()
    got = emb.transform(texts)
    assert got.shape == want.shape
    for part in ("data", "indices", "indptr"):
        a, b = getattr(got, part), getattr(want, part)
        assert a.dtype == b.dtype and np.array_equal(a, b)


def test_score_memo_rows_equal_one_batch(model: Model) -> None:
    texts = _texts()
    X = model.embedder.embed(texts)
    want = model.classifier.scores(X)
    memo = TextMemo()
    memo.scores(model.embedder, model.classifier, texts[::3], X[::3])  # a third of the rows remembered
    for _ in range(2):  # hits mixed with misses, then all hits
        got = memo.scores(model.embedder, model.classifier, texts, X)
        for part in ("proba", "best_sim", "nearest", "nearest_sim"):
            a, b = getattr(got, part), getattr(want, part)
            assert a.dtype == b.dtype and np.array_equal(a, b)


def test_construct_equals_model_construct(model: Model) -> None:
    from clusterer.pipeline import _construct
    from clusterer.schema import Failure, Neighbour

    result = classify_runs(_runs(), model)
    for failure in result.failures:
        values = {name: getattr(failure, name) for name in Failure.model_fields}
        want = Failure.model_construct(**values)
        got = _construct(Failure, dict(values))
        assert got == want and got.model_dump_json() == want.model_dump_json()
        assert got.model_fields_set == want.model_fields_set and list(got.__dict__) == list(want.__dict__)
        for n in failure.nearest:
            nv = {name: getattr(n, name) for name in Neighbour.model_fields}
            assert _construct(Neighbour, dict(nv)).__dict__ == Neighbour.model_construct(**nv).__dict__
    # the pipeline builds its values in declaration order
    assert list(result.failures[0].__dict__) == list(Failure.model_fields)
    assert list(result.failures[0].nearest[0].__dict__) == list(Neighbour.model_fields)
