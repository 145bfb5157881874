"""Multi-run analysis: flaky detection, the framework's metrics, coverage; checked against independent figures."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest

from clusterer.analysis import analyze, expand_run_paths, read_runs
from clusterer.cobertura import read_cobertura
from clusterer.errors import InputError
from clusterer.ingest import parse_results, read_results
from clusterer.records import Run
from clusterer.records import TestCase as Case
from clusterer.runs import OUTLIER_SECONDS, duration_stats, merge_runs, percentile, performance_metrics

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = ROOT / "examples" / "expected.json"
PCTS = (50, 95, 99)


def _truth_flaky() -> set[str]:
    return {e["test"] for e in json.loads(EXPECTED.read_text())["failures"] if e.get("flaky")}


def _base(test_id: str) -> str:
    return test_id.split("[")[0]


def _precision_recall(predicted: set[str], truth: set[str]) -> tuple[float, float]:
    tp = len(predicted & truth)
    return (tp / len(predicted) if predicted else 1.0), (tp / len(truth) if truth else 1.0)


# ------------------------------------------------------------------------------------------------ percentiles


@pytest.mark.parametrize("n", [1, 2, 3, 10, 93, 1000])
@pytest.mark.parametrize("q", [0, 1, 25, 50, 95, 99, 100])
def test_percentile_matches_numpy(n: int, q: float) -> None:
    rng = random.Random(n * 1000 + int(q))
    xs = [rng.expovariate(3.0) for _ in range(n)]
    assert percentile(xs, q) == pytest.approx(float(np.percentile(xs, q)), rel=1e-12, abs=1e-15)


def test_percentile_rejects_out_of_range() -> None:
    with pytest.raises(ValueError):
        percentile([1.0], 101)


def test_duration_stats_empty() -> None:
    s = duration_stats([])
    assert (s.count, s.total, s.mean, s.p50, s.max) == (0, 0.0, None, None, None)


def _raw_durations(path: Path) -> dict[str, float]:
    """Durations straight from a pytest-json-report file, without the library: sum of the phases."""
    out = {}
    for t in json.loads(path.read_text())["tests"]:
        out[t["nodeid"]] = sum(t[p]["duration"] for p in ("setup", "call", "teardown") if p in t)
    return out


def test_run_metrics_against_independent_computation(examples: Path, tiny) -> None:
    paths = [examples / f"run{i}.json" for i in (1, 2, 3)]
    a = analyze(read_runs(paths), tiny)
    m = a.metrics
    raw = [_raw_durations(p) for p in paths]
    for i, r in enumerate(m.per_run):
        xs = np.array(list(raw[i].values()))
        for q in PCTS:
            assert getattr(r.durations, f"p{q}") == pytest.approx(np.percentile(xs, q), rel=1e-9)
        assert r.total_test_time == pytest.approx(xs.sum(), rel=1e-9)
        assert r.average_test_duration == pytest.approx(xs.mean(), rel=1e-9)
        slowest = sorted(raw[i].items(), key=lambda kv: -kv[1])[:10]
        assert [s.test for s in r.slowest] == [t for t, _ in slowest]
        statuses = [t["outcome"] for t in json.loads(paths[i].read_text())["tests"]]
        assert r.counts.total == len(statuses)
        assert r.counts.passed == statuses.count("passed")
        assert r.counts.failed + r.counts.error == len([s for s in statuses if s in ("failed", "error")])
    # per test: one sample per test, its mean over the runs
    per_test = np.array([np.mean([raw[i][t] for i in range(3)]) for t in raw[0]])
    pooled = np.concatenate([np.array(list(d.values())) for d in raw])
    for q in PCTS:
        assert getattr(m.durations, f"p{q}") == pytest.approx(np.percentile(per_test, q), rel=1e-9)
        assert getattr(m.durations_all_results, f"p{q}") == pytest.approx(np.percentile(pooled, q), rel=1e-9)
    assert m.average_test_duration == pytest.approx(pooled.mean(), rel=1e-9)
    assert m.durations.count == 93 and m.durations_all_results.count == 279
    assert m.outlier_threshold == OUTLIER_SECONDS and m.outliers == []  # the example suite has no test over 30 s
    wall = sum(json.loads(p.read_text())["duration"] for p in paths)
    assert m.total_time == pytest.approx(wall, rel=1e-9)


def test_counts_and_failure_metrics_on_examples(examples: Path, tiny) -> None:
    a = analyze(read_runs([examples / f"run{i}.json" for i in (1, 2, 3)]), tiny)
    m = a.metrics
    # examples/README.md: each run 93 tests, 67 passed, 24 failed, 2 errors
    assert (m.counts.total, m.counts.passed, m.counts.failed, m.counts.error) == (279, 201, 72, 6)
    f = m.failures
    assert (f.failed, f.errors, f.errors_by_phase) == (72, 6, {"setup": 6})
    assert f.failure_percentage == pytest.approx(100 * 78 / 279, abs=0.01)
    # 25 deterministic failures + 3 flaky tests (one failing per run)
    assert (f.deterministic_failures, f.flaky_tests, f.failing_tests) == (25, 3, 28)
    assert sum(c.failures for c in f.by_category) == 78
    assert sum(c.percentage for c in f.by_category) == pytest.approx(100, abs=0.1)
    setup_errors = [h for h in a.tests if h.failure_phase == "setup"]
    assert {h.test for h in setup_errors} == {
        "tests/test_recommender.py::test_portfolio_suggestions",
        "tests/test_recommender.py::test_top_k_unique",
    }


# ------------------------------------------------------------------------------------------------ flakiness


@pytest.mark.parametrize("pattern", ["run{}.json", "run{}.xml", "run{}.reportlog.jsonl"])
def test_flaky_precision_recall_against_ground_truth(examples: Path, pattern: str) -> None:
    runs = read_runs([examples / pattern.format(i) for i in (1, 2, 3)])
    histories = merge_runs(runs)
    predicted = {_base(h.test) for h in histories if h.flaky}
    truth = _truth_flaky()
    precision, recall = _precision_recall(predicted, truth)
    assert precision >= 0.9 and recall >= 0.9, (predicted, truth)
    assert (precision, recall) == (1.0, 1.0)
    # every other listed failure is deterministic
    failing = {_base(h.test) for h in histories if h.verdict == "failing"}
    listed = {e["test"] for e in json.loads(EXPECTED.read_text())["failures"]}
    assert failing == listed - truth


def test_single_run_has_no_cross_run_flakiness(examples: Path) -> None:
    histories = merge_runs(read_runs([examples / "run1.json"]))
    assert not any(h.flaky for h in histories)
    assert sum(h.verdict == "failing" for h in histories) == 26


def _case(test: str, outcome: str, run: int, **kw) -> Case:
    return Case(test=test, outcome=outcome, run=run, duration=kw.pop("duration", 0.1), **kw)  # type: ignore[arg-type]


def test_verdicts_and_absent_runs() -> None:
    runs = [
        Run(
            "a",
            "x",
            (
                _case("t::ok", "passed", 0),
                _case("t::flip", "failed", 0),
                _case("t::bad", "error", 0, phase="setup"),
                _case("t::skip", "skipped", 0),
                _case("t::new", "passed", 0),
            ),
        ),
        Run(
            "b",
            "x",
            (
                _case("t::ok", "passed", 1),
                _case("t::flip", "passed", 1),
                _case("t::bad", "error", 1, phase="setup"),
                _case("t::skip", "skipped", 1),
            ),
            index=1,
        ),
    ]
    by = {h.test: h for h in merge_runs(runs)}
    assert by["t::flip"].flaky and by["t::flip"].flaky_reasons == ["across-runs"]
    assert by["t::bad"].verdict == "failing" and by["t::bad"].failure_phase == "setup"
    assert by["t::ok"].verdict == "passing" and by["t::skip"].verdict == "skipped"
    assert by["t::new"].outcomes == ["passed", None]


SUREFIRE = b"""<?xml version="1.0" encoding="UTF-8"?>
<testsuite name="com.example.ShopTest" tests="3" failures="1" errors="0" skipped="0" time="1.5">
  <testcase name="flakyOne" classname="com.example.ShopTest" time="0.5">
    <flakyFailure message="expected 2 but was 1" type="java.lang.AssertionError">java.lang.AssertionError: expected
      at com.example.ShopTest.flakyOne(ShopTest.java:12)</flakyFailure>
  </testcase>
  <testcase name="alwaysFails" classname="com.example.ShopTest" time="0.5">
    <failure message="boom" type="java.lang.IllegalStateException">java.lang.IllegalStateException: boom</failure>
    <rerunFailure message="boom" type="java.lang.IllegalStateException">java.lang.IllegalStateException: boom
    </rerunFailure>
  </testcase>
  <testcase name="fine" classname="com.example.ShopTest" time="0.5"/>
</testsuite>
"""


def test_surefire_flaky_and_rerun_failures_in_one_run() -> None:
    run = parse_results(SUREFIRE, source="surefire.xml")
    by = {h.test.rsplit("::", 1)[-1]: h for h in merge_runs([run])}
    assert by["flakyOne"].flaky and by["flakyOne"].flaky_reasons == ["rerun-passed@run0"]
    # rerunFailure: failed on every rerun too — deterministic, with the reruns counted
    assert not by["alwaysFails"].flaky and by["alwaysFails"].verdict == "failing"
    assert by["alwaysFails"].reruns == [1]
    assert by["fine"].verdict == "passing"


def test_pytest_rerunfailures_rerun_that_passed_is_flaky() -> None:
    report = {
        "created": 0,
        "duration": 1.0,
        "exitcode": 0,
        "root": "/r",
        "summary": {"passed": 1, "total": 1},
        "tests": [
            {
                "nodeid": "t.py::test_x",
                "outcome": "rerun",
                "setup": {"outcome": "passed", "duration": 0.1},
                "call": {"outcome": "passed", "duration": 0.2},
                "teardown": {"outcome": "passed", "duration": 0.0},
            }
        ],
    }
    run = parse_results(json.dumps(report).encode(), source="r.json")
    (h,) = merge_runs([run])
    assert h.flaky and h.verdict == "flaky"


def test_outliers_over_threshold() -> None:
    run = Run(
        "a",
        "x",
        (
            _case("t::slow", "passed", 0, duration=45.0),
            _case("t::fast", "passed", 0, duration=0.1),
            _case("t::slower", "failed", 0, duration=31.0),
        ),
        duration=80.0,
    )
    m = performance_metrics([run], merge_runs([run]))
    assert [o.test for o in m.outliers] == ["t::slow", "t::slower"]
    assert [o.test for o in m.per_run[0].outliers] == ["t::slow", "t::slower"]
    assert m.slowest[0].test == "t::slow" and m.total_time == 80.0


# ------------------------------------------------------------------------------------------------ coverage


def test_cobertura_matches_root_attributes(examples: Path) -> None:
    from defusedxml import ElementTree

    root = ElementTree.parse(examples / "coverage.xml").getroot()
    cov = read_cobertura(examples / "coverage.xml")
    assert cov.lines_valid == int(root.get("lines-valid")) and cov.lines_covered == int(root.get("lines-covered"))
    assert cov.branches_valid == int(root.get("branches-valid"))
    assert cov.branches_covered == int(root.get("branches-covered"))
    assert cov.line_rate == pytest.approx(100 * float(root.get("line-rate")), abs=0.01)
    assert cov.branch_rate == pytest.approx(100 * float(root.get("branch-rate")), abs=0.01)
    assert cov.function_rate is None and cov.excluded_lines is None  # coverage.py writes no <method> elements
    assert cov.files_with_gaps and all(g.lines_missed > 0 for g in cov.files_with_gaps)


COBERTURA = """<?xml version="1.0" ?>
<coverage line-rate="0.5" branch-rate="0.5" lines-valid="4" lines-covered="2" branches-valid="2"
  branches-covered="1" version="1">
 <packages><package name="p"><classes>
  <class name="a.py" filename="a.py" line-rate="0.5" branch-rate="0.5">
   <methods>
    <method name="f" signature="()"><lines><line number="1" hits="1"/></lines></method>
    <method name="g" signature="()"><lines><line number="3" hits="0"/></lines></method>
   </methods>
   <lines>
    <line number="1" hits="1"/><line number="2" hits="1" branch="true" condition-coverage="50% (1/2)"/>
    <line number="3" hits="0"/><line number="4" hits="0"/>
   </lines>
  </class>
 </classes></package></packages>
</coverage>
"""


def test_cobertura_small_file_with_methods(tmp_path: Path) -> None:
    p = tmp_path / "cov.xml"
    p.write_text(COBERTURA)
    cov = read_cobertura(p)
    assert (cov.line_rate, cov.branch_rate, cov.function_rate) == (50.0, 50.0, 50.0)
    assert cov.files_with_gaps[0].missing == "3-4"


@pytest.mark.parametrize(
    "text",
    [
        "not xml at all",
        "<report/>",
        '<?xml version="1.0"?><!DOCTYPE c [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><coverage>&b;</coverage>',
    ],
)
def test_cobertura_bad_input(tmp_path: Path, text: str) -> None:
    p = tmp_path / "cov.xml"
    p.write_text(text)
    with pytest.raises(InputError):
        read_cobertura(p)


# ------------------------------------------------------------------------------------------------ folders


def test_folder_expansion_one_file_per_run(tmp_path: Path, examples: Path) -> None:
    for i in (1, 2, 10):
        for ext in ("json", "xml", "reportlog.jsonl"):
            (tmp_path / f"run{i}.{ext}").write_bytes((examples / f"run{min(i, 3)}.{ext}").read_bytes())
    (tmp_path / "coverage.xml").write_bytes((examples / "coverage.xml").read_bytes())
    (tmp_path / ".hidden.json").write_text("{}")
    files, cov = expand_run_paths([tmp_path])
    assert [f.name for f in files] == ["run1.json", "run2.json", "run10.json"]
    assert cov is not None and cov.name == "coverage.xml"
    with pytest.raises(InputError):
        expand_run_paths([tmp_path / "missing"])
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError):
        expand_run_paths([empty])


def test_categories_attached_to_failing_tests(examples: Path, tiny) -> None:
    a = analyze([read_results(examples / "run1.json")], tiny)
    failing = [h for h in a.tests if h.failed_runs]
    assert failing and all(h.category and h.cluster for h in failing)
    assert all(h.category is None for h in a.tests if not h.failed_runs)
    assert sum(cf.flaky_tests.__len__() + cf.deterministic_tests.__len__() for cf in a.cluster_flakiness) >= 26
