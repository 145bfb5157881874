"""Several runs of one suite: per-test histories, flaky vs deterministic failures, and the run metrics.

A test is **flaky** when, across the runs, it both passes and fails (``failed``/``error``), or when a runner saw
it pass after a failed attempt within one run (Surefire ``flakyFailure``/``flakyError``, a pytest-rerunfailures
rerun that passed; the readers set :attr:`~clusterer.records.TestCase.flaky`). A test that fails in every run it
ran in — including Surefire ``rerunFailure``, where every rerun failed too — is a **deterministic** failure.

Metrics are the framework's list (``framework/test-failure-analysis.md``, "Metrics to Capture"): counts per
outcome, total and average time, P50/P95/P99, the 10 slowest tests, outliers over 30 s, flaky vs deterministic
counts, failures by category with percentages, errors vs failures, and coverage when a Cobertura XML is given.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence

from .analysis_schema import (
    CategoryCount,
    Counts,
    CoverageSummary,
    DurationStats,
    FailureMetrics,
    PerformanceMetrics,
    RunMetrics,
    SlowTest,
    TestHistory,
    Verdict,
)
from .records import FAILING_OUTCOMES, Run
from .schema import ClassifyResult

#: Seconds above which a test result is an outlier (the framework's "Outliers (>30s)").
OUTLIER_SECONDS = 30.0
SLOWEST = 10
_PASSING = frozenset({"passed"})
_SKIPPING = frozenset({"skipped", "xfailed"})


def percentile(values: Sequence[float], q: float) -> float | None:
    """The ``q``-th percentile (0..100) by linear interpolation between closest ranks.

    The same definition as ``numpy.percentile``'s default (Hyndman & Fan type 7), computed without numpy.

    >>> percentile([1, 2, 3, 4], 50)
    2.5
    >>> percentile([5.0], 99), percentile([], 50)
    (5.0, None)
    """
    if not values:
        return None
    if not 0 <= q <= 100:
        raise ValueError(f"percentile must be in 0..100, got {q}")
    xs = sorted(values)
    pos = (len(xs) - 1) * q / 100.0
    lo = math.floor(pos)
    hi = min(lo + 1, len(xs) - 1)
    frac = pos - lo
    return xs[lo] + (xs[hi] - xs[lo]) * frac


def duration_stats(values: Iterable[float]) -> DurationStats:
    """Count, total, mean, P50/P95/P99 and max of some durations (seconds)."""
    xs = [float(v) for v in values]
    total = math.fsum(xs)
    return DurationStats(
        count=len(xs),
        total=total,
        mean=total / len(xs) if xs else None,
        p50=percentile(xs, 50),
        p95=percentile(xs, 95),
        p99=percentile(xs, 99),
        max=max(xs) if xs else None,
    )


def merge_runs(runs: Sequence[Run]) -> list[TestHistory]:
    """Merge the runs into one history per test (first-seen order), with the flaky flag and verdict.

    Parameters
    ----------
    runs:
        Runs of the same suite; ``runs[i]`` is run ``i`` whatever its ``index`` says.

    Returns
    -------
    list of TestHistory, without categories (see :func:`attach_categories`).
    """
    n = len(runs)
    order: dict[str, int] = {}
    by_test: dict[str, list] = {}
    for i, run in enumerate(runs):
        for t in run.tests:
            slots = by_test.get(t.test)
            if slots is None:
                order[t.test] = len(order)
                slots = by_test[t.test] = [None] * n
            slots[i] = t  # a repeated id within one run: the last result wins (the readers already merge reruns)
    out = []
    for test in order:
        cases = by_test[test]
        outcomes = [c.outcome if c else None for c in cases]
        present = [o for o in outcomes if o is not None]
        failed_runs = [i for i, o in enumerate(outcomes) if o in FAILING_OUTCOMES]
        passed_any = any(o in _PASSING for o in present)
        reasons = []
        if failed_runs and passed_any:
            reasons.append("across-runs")
        reasons += [f"rerun-passed@run{i}" for i, c in enumerate(cases) if c is not None and c.flaky]
        flaky = bool(reasons)
        verdict: Verdict
        if flaky:
            verdict = "flaky"
        elif failed_runs and len(failed_runs) == len(present):
            verdict = "failing"
        elif present and all(o in _PASSING or o == "xpassed" for o in present):
            verdict = "passing"
        elif present and all(o in _SKIPPING for o in present):
            verdict = "skipped"
        else:
            verdict = "mixed"
        failing = [c for c in cases if c is not None and c.is_failure]
        phases = Counter(c.phase for c in failing if c.phase)
        first_msg = next((c.message.strip().splitlines()[0] for c in failing if c.message.strip()), "")
        out.append(
            TestHistory(
                test=test,
                outcomes=outcomes,
                phases=[c.phase if c else None for c in cases],
                durations=[c.duration if c else None for c in cases],
                reruns=[c.reruns if c else 0 for c in cases],
                flaky=flaky,
                flaky_reasons=reasons,
                verdict=verdict,
                failed_runs=failed_runs,
                failure_phase=phases.most_common(1)[0][0] if phases else None,
                message=first_msg[:500],
            )
        )
    return out


def attach_categories(histories: list[TestHistory], result: ClassifyResult) -> list[TestHistory]:
    """Give every failing test the category and cluster of its failures (majority over its runs)."""
    votes: dict[str, Counter[tuple[str, str, str]]] = {}
    for f in result.failures:
        votes.setdefault(f.test, Counter())[(f.category, f.category_name, f.cluster)] += 1
    out = []
    for h in histories:
        v = votes.get(h.test)
        if v:
            (category, name, cluster), _ = v.most_common(1)[0]
            h = h.model_copy(update={"category": category, "category_name": name, "cluster": cluster})
        out.append(h)
    return out


def _counts(outcomes: Iterable[str]) -> Counts:
    c = Counter(outcomes)
    return Counts(
        total=sum(c.values()),
        passed=c["passed"],
        failed=c["failed"],
        error=c["error"],
        skipped=c["skipped"],
        xfailed=c["xfailed"],
        xpassed=c["xpassed"],
    )


def _pct(num: float, den: float) -> float:
    return round(100.0 * num / den, 2) if den else 0.0


def fix_priority(priority: int | None) -> str:
    """The framework's priority 1/2/3 as P0/P1/P2; a new category (no priority) is ``triage``.

    >>> fix_priority(1), fix_priority(3), fix_priority(None)
    ('P0', 'P2', 'triage')
    """
    return f"P{priority - 1}" if priority is not None else "triage"


def run_metrics(run: Run, index: int, *, outlier_seconds: float = OUTLIER_SECONDS) -> RunMetrics:
    """Execution and performance metrics of one run."""
    timed = [t for t in run.tests if t.duration is not None]
    durations = [float(t.duration) for t in timed]  # type: ignore[arg-type]
    slow = sorted(timed, key=lambda t: (-float(t.duration), t.test))  # type: ignore[arg-type]
    counts = _counts(t.outcome for t in run.tests)
    total = math.fsum(durations)
    return RunMetrics(
        index=index,
        source=run.source,
        format=run.format,
        counts=counts,
        wall_time=run.duration,
        total_test_time=total,
        average_test_duration=total / len(durations) if durations else None,
        durations=duration_stats(durations),
        slowest=[
            SlowTest(test=t.test, duration=float(t.duration), run=index, outcome=t.outcome)  # type: ignore[arg-type]
            for t in slow[:SLOWEST]
        ],
        outliers=[
            SlowTest(test=t.test, duration=float(t.duration), run=index, outcome=t.outcome)  # type: ignore[arg-type]
            for t in slow
            if float(t.duration) > outlier_seconds  # type: ignore[arg-type]
        ],
        failure_percentage=_pct(counts.failed + counts.error, counts.total),
    )


def performance_metrics(
    runs: Sequence[Run],
    histories: Sequence[TestHistory],
    result: ClassifyResult | None = None,
    *,
    coverage: CoverageSummary | None = None,
    outlier_seconds: float = OUTLIER_SECONDS,
) -> PerformanceMetrics:
    """Every metric of the framework over ``runs``.

    Parameters
    ----------
    runs:
        The runs, in order.
    histories:
        :func:`merge_runs` of the same runs (with categories attached when ``result`` is given).
    result:
        The classification of the runs' failures, for the failure counts by category.
    coverage:
        A :func:`clusterer.cobertura.read_cobertura` summary, when a coverage file was given.
    outlier_seconds:
        Threshold of the outliers (default 30 s).

    Returns
    -------
    PerformanceMetrics, the content of ``metrics/performance.json``.
    """
    per_run = [run_metrics(r, i, outlier_seconds=outlier_seconds) for i, r in enumerate(runs)]
    all_cases = [t for r in runs for t in r.tests]
    pooled = [float(t.duration) for t in all_cases if t.duration is not None]
    per_test_mean: list[tuple[str, float]] = []
    for h in histories:
        ds = [d for d in h.durations if d is not None]
        if ds:
            per_test_mean.append((h.test, math.fsum(ds) / len(ds)))
    slowest = sorted(per_test_mean, key=lambda x: (-x[1], x[0]))[:SLOWEST]
    outliers = sorted(
        (
            SlowTest(test=t.test, duration=float(t.duration), run=t.run, outcome=t.outcome)  # type: ignore[arg-type]
            for t in all_cases
            if t.duration is not None and t.duration > outlier_seconds
        ),
        key=lambda s: (-s.duration, s.test, s.run),
    )
    counts = _counts(t.outcome for t in all_cases)
    total_test_time = math.fsum(pooled)
    walls = [r.duration for r in runs]
    total_time = math.fsum(w if w is not None else m.total_test_time for w, m in zip(walls, per_run, strict=True))

    flaky = [h for h in histories if h.flaky]
    failing = [h for h in histories if h.failed_runs]
    errors_by_phase = Counter((t.phase or "collection") for t in all_cases if t.outcome == "error")
    by_category: list[CategoryCount] = []
    if result is not None:
        n_fail = len(result.failures)
        priorities = {c.category: c.priority for c in result.clusters}
        new_names = {c.category: c.name for c in result.clusters if c.is_new}
        cats: dict[str, list] = {}
        for f in result.failures:
            cats.setdefault(f.category, [new_names.get(f.category, f.category_name), 0, set()])
            cats[f.category][1] += 1
            cats[f.category][2].add(f.test)
        flaky_ids = {h.test for h in flaky}
        for cat, (name, n, tests) in cats.items():
            prio = priorities.get(cat)
            by_category.append(
                CategoryCount(
                    category=cat,
                    name=name,
                    priority=prio,
                    fix_priority=fix_priority(prio),
                    failures=n,
                    tests=len(tests),
                    flaky_tests=len(tests & flaky_ids),
                    percentage=_pct(n, n_fail),
                )
            )
        by_category.sort(key=lambda c: (c.priority or 9, -c.failures, c.category))
    return PerformanceMetrics(
        runs=len(runs),
        sources=[r.source for r in runs],
        tests=len(histories),
        counts=counts,
        total_time=total_time,
        total_test_time=total_test_time,
        average_test_duration=total_test_time / len(pooled) if pooled else None,
        durations=duration_stats(d for _, d in per_test_mean),
        durations_all_results=duration_stats(pooled),
        slowest=[SlowTest(test=t, duration=d) for t, d in slowest],
        outlier_threshold=outlier_seconds,
        outliers=outliers,
        per_run=per_run,
        failures=FailureMetrics(
            failures=counts.failed + counts.error,
            failure_percentage=_pct(counts.failed + counts.error, counts.total),
            failed=counts.failed,
            errors=counts.error,
            errors_by_phase=dict(sorted(errors_by_phase.items())),
            failing_tests=len(failing),
            flaky_tests=len(flaky),
            deterministic_failures=sum(1 for h in histories if h.verdict == "failing"),
            by_category=by_category,
        ),
        coverage=coverage,
    )
