"""The JSON contract of ``cluster analyze``: per-test histories across runs, metrics, coverage, clusters.

Two documents are defined here, both as pydantic models so the JSON Schema is generated, never hand-written:

- :class:`PerformanceMetrics` — ``metrics/performance.json`` of the analysis folder: every metric the
  test-failure-analysis framework lists (execution, failure, performance and coverage metrics);
- :class:`AnalysisResult` — ``cluster analyze --format json``: the tests with their outcomes per run and a
  ``flaky`` flag, the metrics, and the clustered failures (the :class:`~clusterer.schema.ClassifyResult` of
  ``cluster classify``) with flakiness per cluster.

``cluster analyze-schema`` prints either schema.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from .schema import ClassifyResult

ANALYSIS_SCHEMA_VERSION = "1"

#: What a test is across the runs: ``flaky`` (passes and fails, or the runner saw a pass after a failure),
#: ``failing`` (a deterministic failure: failed or errored in every run it ran in), ``passing``, ``skipped``
#: (skipped/xfailed in every run), or ``mixed`` (e.g. passed in one run and skipped in another).
Verdict = Literal["flaky", "failing", "passing", "skipped", "mixed"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TestHistory(_Model):
    """One test across every run."""

    __test__ = False  # not a pytest test class

    test: str = Field(description="Test id as the runner names it")
    outcomes: list[str | None] = Field(description="Outcome per run, in run order; null when the test did not run")
    phases: list[str | None] = Field(description="Phase that decided each run's outcome (setup/call/teardown)")
    durations: list[float | None] = Field(description="Seconds per run; null when unknown or absent")
    reruns: list[int] = Field(description="Extra attempts the runner made per run (pytest-rerunfailures, Surefire)")
    flaky: bool = Field(description="Passes and fails across runs, or a pass after a failed attempt in one run")
    flaky_reasons: list[str] = Field(description="Why it is flaky: 'across-runs' and/or 'rerun-passed@run<i>'")
    verdict: Verdict
    failed_runs: list[int] = Field(description="Runs in which the test failed or errored")
    failure_phase: str | None = Field(default=None, description="Phase of its failures (setup/call/teardown)")
    category: str | None = Field(default=None, description="Category of its failures (majority over its runs)")
    category_name: str | None = None
    cluster: str | None = Field(default=None, description="Cluster of its failures (majority over its runs)")
    message: str = Field(default="", description="Message of its first failure")


class DurationStats(_Model):
    """A distribution of durations in seconds (percentiles by linear interpolation, numpy's default)."""

    count: int
    total: float
    mean: float | None
    p50: float | None
    p95: float | None
    p99: float | None
    max: float | None


class SlowTest(_Model):
    """A slow test result."""

    test: str
    duration: float = Field(description="Seconds")
    run: int | None = Field(default=None, description="Run index, or null for a mean over runs")
    outcome: str | None = None


class Counts(_Model):
    """Results per outcome."""

    total: int = Field(description="Test results (tests x runs they ran in)")
    passed: int
    failed: int
    error: int
    skipped: int
    xfailed: int
    xpassed: int


class RunMetrics(_Model):
    """Execution and performance metrics of one run (one results file)."""

    index: int
    source: str
    format: str
    counts: Counts
    wall_time: float | None = Field(description="Run duration as the results file states it, seconds")
    total_test_time: float = Field(description="Sum of the test durations, seconds")
    average_test_duration: float | None
    durations: DurationStats
    slowest: list[SlowTest] = Field(description="The 10 slowest tests of this run")
    outliers: list[SlowTest] = Field(description="Tests slower than the outlier threshold")
    failure_percentage: float = Field(description="(failed + error) / total x 100")


class CategoryCount(_Model):
    """Failures of one category over all runs."""

    category: str
    name: str
    priority: int | None = Field(description="Framework priority 1..3 (null for a new category)")
    fix_priority: str = Field(description="P0 (priority 1), P1 (2), P2 (3) or 'triage' for a new category")
    failures: int = Field(description="Failing results over all runs")
    tests: int = Field(description="Distinct failing tests")
    flaky_tests: int
    percentage: float = Field(description="Share of all failing results, %")


class FailureMetrics(_Model):
    """The framework's failure metrics."""

    failures: int = Field(description="Failing results (failed + error) over all runs")
    failure_percentage: float = Field(description="Failing results / all results x 100")
    failed: int
    errors: int
    errors_by_phase: dict[str, int] = Field(description="Errors per phase (setup/teardown/collection)")
    failing_tests: int = Field(description="Distinct tests that failed in at least one run")
    flaky_tests: int
    deterministic_failures: int = Field(description="Tests failing in every run they ran in (not flaky)")
    by_category: list[CategoryCount]


class CoverageFile(_Model):
    """A file with coverage gaps."""

    filename: str
    line_rate: float
    branch_rate: float | None = None
    lines_valid: int
    lines_missed: int
    missing: str = Field(description="Missed line ranges, e.g. '12-14, 30'")


class CoverageSummary(_Model):
    """Line/branch coverage from a Cobertura XML (coverage.py ``coverage xml``, pytest-cov ``--cov-report xml``)."""

    source: str
    line_rate: float = Field(description="Covered lines / valid lines, %")
    branch_rate: float | None = Field(description="Covered branches / valid branches, %; null without branch data")
    function_rate: float | None = Field(
        description="Covered methods / methods, %; null when the XML has no <method> elements (coverage.py)"
    )
    lines_valid: int
    lines_covered: int
    branches_valid: int
    branches_covered: int
    files: int
    files_with_gaps: list[CoverageFile] = Field(description="Files below 100% line coverage, most lines missed first")
    excluded_lines: int | None = Field(description="Not carried by Cobertura XML: null")


class PerformanceMetrics(_Model):
    """``metrics/performance.json``: every metric the test-failure-analysis framework asks a run report for."""

    schema_version: str = ANALYSIS_SCHEMA_VERSION
    runs: int
    sources: list[str]
    tests: int = Field(description="Distinct tests over all runs")
    counts: Counts = Field(description="Results per outcome over all runs")
    total_time: float = Field(description="Sum of the runs' wall times (or of test durations when unknown), seconds")
    total_test_time: float = Field(description="Sum of all test durations, seconds")
    average_test_duration: float | None = Field(description="Mean duration of a test result, seconds")
    durations: DurationStats = Field(description="Per-test durations: one sample per test (its mean over runs)")
    durations_all_results: DurationStats = Field(description="All test results of all runs pooled")
    slowest: list[SlowTest] = Field(description="The 10 slowest tests by mean duration over runs")
    outlier_threshold: float = Field(description="Seconds above which a test result is an outlier (30)")
    outliers: list[SlowTest] = Field(description="Test results slower than the threshold, slowest first")
    per_run: list[RunMetrics]
    failures: FailureMetrics
    coverage: CoverageSummary | None = None


class ClusterFlakiness(_Model):
    """How flaky a cluster is."""

    cluster: str
    category: str
    tests: list[str] = Field(description="Distinct tests in the cluster")
    flaky_tests: list[str]
    deterministic_tests: list[str]
    runs: list[int]


class FixItem(_Model):
    """One entry of the prioritized fix order."""

    rank: int
    fix_priority: str
    category: str
    name: str
    tests: int
    failures: int
    flaky_tests: int
    document: str = Field(description="Path of the issue document in the analysis folder")


class AnalysisResult(_Model):
    """The whole answer of ``cluster analyze``."""

    schema_version: str = ANALYSIS_SCHEMA_VERSION
    tests: list[TestHistory]
    flaky: list[str] = Field(description="Flaky test ids")
    metrics: PerformanceMetrics
    classification: ClassifyResult
    cluster_flakiness: list[ClusterFlakiness]
    fix_order: list[FixItem]


def _schema(model: type[BaseModel]) -> dict[str, Any]:
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def analysis_json_schema() -> dict[str, Any]:
    """The JSON Schema of :class:`AnalysisResult` (``cluster analyze --format json``)."""
    return _schema(AnalysisResult)


def performance_json_schema() -> dict[str, Any]:
    """The JSON Schema of :class:`PerformanceMetrics` (``metrics/performance.json``)."""
    return _schema(PerformanceMetrics)
