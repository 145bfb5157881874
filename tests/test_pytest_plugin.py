"""The ``pytest --cluster`` plugin, driven with pytester (the plugin is loaded through its pytest11 entry point)."""

from __future__ import annotations

import importlib.metadata
import json

import pytest

# Import the library before pytester's in-process runs: they restore sys.modules afterwards, and numpy/scipy
# extension modules cannot be loaded twice in one process.
import clusterer.analysis
import clusterer.deliverables
import clusterer.model
import clusterer.pipeline  # noqa: F401

pytest_plugins = ["pytester"]

SUITE = """
import pathlib
import pytest

COUNTER = pathlib.Path(__file__).with_name("attempts.txt")


@pytest.fixture
def broken_db():
    raise ConnectionError("QueuePool limit of size 2 overflow 0 reached, connection timed out, timeout 0.50")


def test_passes():
    assert 1 + 1 == 2


def test_always_fails():
    raise KeyError("data")


def test_setup_error(broken_db):
    pass


def test_flaky():
    n = int(COUNTER.read_text()) if COUNTER.exists() else 0
    COUNTER.write_text(str(n + 1))
    assert n > 0, "fails on the first attempt only"


@pytest.mark.skip(reason="not today")
def test_skipped():
    pass


@pytest.mark.xfail(reason="known")
def test_xfail():
    assert False
"""


def test_entry_point_registered() -> None:
    eps = [e for e in importlib.metadata.entry_points(group="pytest11") if e.name == "clusterer"]
    assert eps and eps[0].value == "clusterer.pytest_plugin"


def test_inactive_without_option(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_suite=SUITE)
    result = pytester.runpytest("-p", "no:cacheprovider")
    assert "clusterer: failures by cause" not in result.stdout.str()
    result.assert_outcomes(passed=1, failed=2, errors=1, skipped=1, xfailed=1)


def test_cluster_prints_summary_and_writes_json(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_suite=SUITE)
    result = pytester.runpytest("--cluster", "--cluster-json", "out/analysis.json", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=2, errors=1, skipped=1, xfailed=1)
    out = result.stdout.str()
    assert "clusterer: failures by cause" in out
    assert "test_suite.py::test_always_fails" in out and "--cluster-runs 3" in out
    doc = json.loads((pytester.path / "out" / "analysis.json").read_text())
    by = {t["test"]: t for t in doc["tests"]}
    assert by["test_suite.py::test_setup_error"]["outcomes"] == ["error"]
    assert by["test_suite.py::test_setup_error"]["failure_phase"] == "setup"
    assert by["test_suite.py::test_xfail"]["outcomes"] == ["xfailed"]
    assert by["test_suite.py::test_skipped"]["outcomes"] == ["skipped"]
    assert doc["metrics"]["counts"]["xfailed"] == 1 and doc["metrics"]["counts"]["error"] == 1
    assert doc["flaky"] == []


def test_cluster_runs_tells_flaky_from_deterministic(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_suite=SUITE)
    result = pytester.runpytest(
        "--cluster-runs", "3", "--cluster-json", "a.json", "--cluster-out", "analysis", "-p", "no:cacheprovider"
    )
    # the session's own outcome is that of the first run
    result.assert_outcomes(passed=1, failed=2, errors=1, skipped=1, xfailed=1)
    assert result.ret == 1
    doc = json.loads((pytester.path / "a.json").read_text())
    assert doc["flaky"] == ["test_suite.py::test_flaky"]
    by = {t["test"]: t for t in doc["tests"]}
    assert by["test_suite.py::test_flaky"]["outcomes"] == ["failed", "passed", "passed"]
    assert by["test_suite.py::test_always_fails"]["verdict"] == "failing"
    assert by["test_suite.py::test_always_fails"]["outcomes"] == ["failed", "failed", "failed"]
    assert by["test_suite.py::test_setup_error"]["outcomes"] == ["error", "error", "error"]
    assert by["test_suite.py::test_passes"]["outcomes"] == ["passed", None, None]
    assert doc["metrics"]["failures"]["flaky_tests"] == 1
    assert doc["metrics"]["failures"]["deterministic_failures"] == 2
    assert "1 flaky (test_suite.py::test_flaky)" in result.stdout.str()
    assert (pytester.path / "analysis" / ".baseline" / "analysis.md").is_file()
    assert (pytester.path / "analysis" / "metrics" / "performance.json").is_file()


def test_cluster_runs_must_be_positive(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_suite=SUITE)
    result = pytester.runpytest("--cluster", "--cluster-runs", "0")
    assert result.ret == pytest.ExitCode.USAGE_ERROR


def test_no_failures(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_ok="def test_ok():\n    pass\n")
    result = pytester.runpytest("--cluster", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)
    assert "no failures in 1 tests" in result.stdout.str()
