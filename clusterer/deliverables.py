"""The framework's deliverables folder, and the Markdown that fits ``$GITHUB_STEP_SUMMARY`` or a PR comment.

Layout written by :func:`write_analysis_folder` (the framework's "Files to Create")::

    DIR/
    ├── .baseline/
    │   ├── run_001_results.json …   every test result of each run, format-independent
    │   └── analysis.md              summary, categories, flaky tests, metrics, prioritized fix order
    ├── failures/
    │   └── issue_<n>_<slug>.md      one per category present (new categories: issue_new-<k>_<slug>.md)
    ├── metrics/
    │   ├── performance.json         PerformanceMetrics (schema beside it: performance.schema.json)
    │   ├── coverage.md              coverage summary (+ coverage.json, coverage.xml copy, coverage.html)
    ├── analysis.json                the whole AnalysisResult (``cluster analyze --format json``)
    ├── summary.md                   the CI summary (render_summary_markdown)
    └── report.html                  written by clusterer.report_html
"""

from __future__ import annotations

import html
import json
import os
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from .analysis import issue_document
from .analysis_schema import AnalysisResult, CoverageSummary, TestHistory, performance_json_schema
from .records import Run

_SYMBOL = {"passed": "✓", "failed": "F", "error": "E", "skipped": "s", "xfailed": "x", "xpassed": "X", None: "·"}
_TRACEBACK_LINES = 60


def outcome_marks(outcomes: Sequence[str | None]) -> str:
    """Outcomes per run as one short string: ✓ passed, F failed, E error, s skipped, x xfailed, X xpassed, · absent.

    >>> outcome_marks(["passed", "failed", None])
    '✓ F ·'
    """
    return " ".join(_SYMBOL.get(o, "?") for o in outcomes)


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").replace("`", "'")


def _secs(x: float | None) -> str:
    return "–" if x is None else f"{x:.3f} s"


def _atomic_write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
    return path


# --------------------------------------------------------------------------------------------- Markdown pieces


def _summary_lines(a: AnalysisResult) -> list[str]:
    m = a.metrics
    c = m.counts
    f = m.failures
    phases = ", ".join(f"{k}: {v}" for k, v in f.errors_by_phase.items()) or "none"
    return [
        f"- **Runs:** {m.runs} ({', '.join(f'`{Path(s).name}`' for s in m.sources)})",
        f"- **Tests:** {m.tests} distinct, {c.total} results: {c.passed} passed, {c.failed} failed, {c.error} error, "
        f"{c.skipped} skipped, {c.xfailed} xfailed, {c.xpassed} xpassed",
        f"- **Failures:** {f.failures} failing results ({f.failure_percentage:.2f}%) from {f.failing_tests} tests: "
        f"**{f.deterministic_failures} deterministic**, **{f.flaky_tests} flaky**",
        f"- **Errors vs failures:** {f.errors} errors ({phases}) vs {f.failed} failures",
        f"- **Clusters:** {a.classification.summary.clusters} "
        f"({a.classification.summary.known} failures in known categories, {a.classification.summary.new} new)",
        f"- **Time:** {m.total_time:.2f} s in all, average test {_secs(m.average_test_duration)}, "
        f"P50 {_secs(m.durations.p50)} · P95 {_secs(m.durations.p95)} · P99 {_secs(m.durations.p99)}; "
        f"{len(m.outliers)} outliers over {m.outlier_threshold:g} s",
    ] + (
        [
            f"- **Coverage:** lines {m.coverage.line_rate:.2f}%, branches "
            f"{'–' if m.coverage.branch_rate is None else f'{m.coverage.branch_rate:.2f}%'}"
        ]
        if m.coverage
        else []
    )


def _fix_order_table(a: AnalysisResult, link: bool) -> list[str]:
    lines = ["| # | priority | category | tests | failures | flaky | document |", "|---:|---|---|---:|---:|---:|---|"]
    for item in a.fix_order:
        cat = f"#{item.category} {item.name}" if not item.category.startswith("new") else item.name
        doc = f"[{item.document}](../{item.document})" if link else f"`{item.document}`"
        lines.append(
            f"| {item.rank} | {item.fix_priority} | {_md(cat)} | {item.tests} | {item.failures} | "
            f"{item.flaky_tests} | {doc} |"
        )
    return lines


def _flaky_table(a: AnalysisResult) -> list[str]:
    flaky = [h for h in a.tests if h.flaky]
    if not flaky:
        return ["No flaky tests: every failing test failed in every run it ran in."]
    lines = ["| test | outcomes per run | why | category |", "|---|---|---|---|"]
    for h in flaky:
        cat = f"#{h.category}" if h.category and not h.category.startswith("new") else (h.category or "–")
        lines.append(f"| `{_md(h.test)}` | {outcome_marks(h.outcomes)} | {', '.join(h.flaky_reasons)} | {cat} |")
    return lines


def _duration_row(label: str, d: Any) -> str:
    return (
        f"| {label} | {d.count} | {d.total:.3f} | {_secs(d.mean)} | {_secs(d.p50)} | {_secs(d.p95)} | "
        f"{_secs(d.p99)} | {_secs(d.max)} |"
    )


def _metrics_lines(a: AnalysisResult) -> list[str]:
    m = a.metrics
    out = [
        "### Execution metrics",
        "",
        "| run | source | total | passed | failed | error | skipped | xfailed | xpassed | wall time | "
        "test time | average | failing % |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in m.per_run:
        c = r.counts
        out.append(
            f"| {r.index} | `{Path(r.source).name}` | {c.total} | {c.passed} | {c.failed} | {c.error} | "
            f"{c.skipped} | {c.xfailed} | {c.xpassed} | {_secs(r.wall_time)} | {r.total_test_time:.3f} s | "
            f"{_secs(r.average_test_duration)} | {r.failure_percentage:.2f}% |"
        )
    c = m.counts
    out.append(
        f"| all | | {c.total} | {c.passed} | {c.failed} | {c.error} | {c.skipped} | {c.xfailed} | "
        f"{c.xpassed} | {m.total_time:.3f} s | {m.total_test_time:.3f} s | {_secs(m.average_test_duration)} | "
        f"{m.failures.failure_percentage:.2f}% |"
    )
    out += [
        "",
        "### Performance metrics",
        "",
        "| durations | count | total (s) | mean | P50 | P95 | P99 | max |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
        _duration_row("per test (mean over runs)", m.durations),
        _duration_row("all results pooled", m.durations_all_results),
    ]
    out += [_duration_row(f"run {r.index}", r.durations) for r in m.per_run]
    out += ["", "Slowest 10 tests (mean over runs):", "", "| test | duration |", "|---|---:|"]
    out += [f"| `{_md(s.test)}` | {s.duration:.3f} s |" for s in m.slowest]
    out += [
        "",
        f"Outliers (> {m.outlier_threshold:g} s): "
        + (", ".join(f"`{_md(o.test)}` run {o.run} ({o.duration:.1f} s)" for o in m.outliers) or "none"),
    ]
    f = m.failures
    out += [
        "",
        "### Failure metrics",
        "",
        f"- Failure count {f.failures} ({f.failure_percentage:.2f}% of results); {f.failed} failures vs "
        f"{f.errors} errors ({', '.join(f'{k}: {v}' for k, v in f.errors_by_phase.items()) or 'none'})",
        f"- Flaky tests: {f.flaky_tests}; deterministic failures: {f.deterministic_failures}",
        "",
        "| category | fix priority | failures | % of failures | tests | flaky tests |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for cc in f.by_category:
        name = cc.name if cc.category.startswith("new") else f"#{cc.category} {cc.name}"
        out.append(
            f"| {_md(name)} | {cc.fix_priority} | {cc.failures} | {cc.percentage:.2f}% | {cc.tests} | "
            f"{cc.flaky_tests} |"
        )
    out += ["", "### Coverage metrics", "", *coverage_lines(m.coverage)]
    return out


def coverage_lines(cov: CoverageSummary | None) -> list[str]:
    """The coverage summary as Markdown lines."""
    if cov is None:
        return ["No coverage file given (`cluster analyze … --coverage coverage.xml`)."]

    def pct(x: float | None) -> str:
        return "– (not in the XML)" if x is None else f"{x:.2f}%"

    out = [
        f"Source: `{cov.source}`",
        "",
        f"- Line coverage: {pct(cov.line_rate)} ({cov.lines_covered}/{cov.lines_valid} lines)",
        f"- Branch coverage: {pct(cov.branch_rate)} ({cov.branches_covered}/{cov.branches_valid} branches)",
        f"- Function coverage: {pct(cov.function_rate)}",
        f"- Excluded lines: {'– (not in Cobertura XML)' if cov.excluded_lines is None else cov.excluded_lines}",
        f"- Files: {cov.files}, of which {len(cov.files_with_gaps)} with gaps",
        "",
    ]
    if cov.files_with_gaps:
        out += ["| file | lines | branches | missed | missing lines |", "|---|---:|---:|---:|---|"]
        out += [
            f"| `{_md(g.filename)}` | {g.line_rate:.2f}% | {pct(g.branch_rate)} | {g.lines_missed} | {_md(g.missing)} |"
            for g in cov.files_with_gaps
        ]
    return out


def _categories_lines(a: AnalysisResult) -> list[str]:
    by_cat: dict[str, list[TestHistory]] = {}
    for h in a.tests:
        if h.category:
            by_cat.setdefault(h.category, []).append(h)
    out = []
    for item in a.fix_order:
        tests = by_cat.get(item.category, [])
        title = item.name if item.category.startswith("new") else f"#{item.category} {item.name}"
        out += [
            f"### {_md(title)} — {item.fix_priority}",
            "",
            f"{item.failures} failing results, {item.tests} tests ({item.flaky_tests} flaky). "
            f"Details: [{item.document}](../{item.document})",
            "",
        ]
        out += [
            f"- `{_md(h.test)}` {outcome_marks(h.outcomes)}"
            + (" **flaky**" if h.flaky else "")
            + (f" ({h.failure_phase})" if h.failure_phase and h.failure_phase != "call" else "")
            for h in tests
        ]
        out.append("")
    return out


def render_analysis_markdown(a: AnalysisResult) -> str:
    """``.baseline/analysis.md``: summary, fix order, categories with their tests, flaky list, metrics."""
    lines = ["# Test failure analysis — baseline", "", "## Summary", ""]
    lines += _summary_lines(a)
    lines += [
        "",
        "Outcomes per run: ✓ passed · F failed · E error · s skipped · x xfailed · X xpassed · · did not run.",
        "",
        "## Prioritized fix order",
        "",
        "P0 = framework priority 1 (critical), P1 = 2 (high), P2 = 3 (medium); new categories need triage.",
        "",
    ]
    lines += _fix_order_table(a, link=True)
    lines += ["", "## Categories", "", *_categories_lines(a)]
    lines += ["## Flaky tests", "", *_flaky_table(a)]
    lines += ["", "## Metrics", "", *_metrics_lines(a)]
    return "\n".join(lines) + "\n"


def render_summary_markdown(a: AnalysisResult, *, max_rows: int = 30) -> str:
    """A compact summary for ``$GITHUB_STEP_SUMMARY`` or a PR comment (well under GitHub's 1 MiB limit)."""
    lines = ["## Test run analysis", "", *_summary_lines(a), "", "### Fix order", ""]
    table = _fix_order_table(a, link=False)
    lines += table[: max_rows + 2]
    if len(table) > max_rows + 2:
        lines.append(f"… and {len(table) - max_rows - 2} more categories")
    lines += ["", "### Flaky tests", "", *_flaky_table(a)[: max_rows + 2]]
    det = [h for h in a.tests if h.verdict == "failing"]
    if det:
        lines += ["", f"<details><summary>{len(det)} deterministic failures</summary>", ""]
        lines += [f"- `{_md(h.test)}` — {_md(h.message[:140])}" for h in det[:200]]
        lines += ["", "</details>"]
    return "\n".join(lines) + "\n"


def _representative(a: AnalysisResult, runs: Sequence[Run], category: str) -> tuple[str, str]:
    clusters = [c for c in a.classification.clusters if c.category == category]
    if not clusters:
        return "", ""
    rep = max(clusters, key=lambda c: c.size).representative
    if rep is None:
        return "", ""
    for t in runs[rep.run].tests if rep.run < len(runs) else ():
        if t.test == rep.test and t.is_failure:
            lines = (t.traceback or t.message).splitlines()
            if len(lines) > _TRACEBACK_LINES:
                omitted = f"... ({len(lines) - _TRACEBACK_LINES} lines omitted) ..."
                lines = [*lines[:15], omitted, *lines[-(_TRACEBACK_LINES - 15) :]]
            return f"{rep.test}@run{rep.run}", "\n".join(lines)
    return f"{rep.test}@run{rep.run}", rep.message


def render_issue_markdown(a: AnalysisResult, runs: Sequence[Run], category: str, info: Any | None) -> str:
    """``failures/issue_<n>_<slug>.md`` for one category present in the runs."""
    item = next(i for i in a.fix_order if i.category == category)
    clusters = [c for c in a.classification.clusters if c.category == category]
    is_new = category.startswith("new")
    title = f"Issue #{category}: {item.name}" if not is_new else f"New category {category}: {item.name}"
    lines = [f"# {title}", ""]
    if info is not None:
        lines += [f"**Likelihood**: {info.likelihood or '–'}  ", f"**Severity**: {info.severity or '–'}  "]
    lines += [
        f"**Fix priority**: {item.fix_priority}"
        + (
            f" (framework priority {info.priority})"
            if info is not None
            else " — unknown cause: triage, then label these failures to teach the model"
        ),
        "",
        f"{item.failures} failing results in {len(a.metrics.sources)} runs, {item.tests} tests, "
        f"{item.flaky_tests} flaky, in {len(clusters)} cluster(s): {', '.join(c.id for c in clusters)}.",
        "",
    ]
    if is_new and clusters:
        c = clusters[0]
        lines += [
            f"Closest known category: #{c.best_known} (probability {c.best_known_confidence:.2f} that it is that"
            f" category, similarity {c.similarity:.2f}).",
            "",
        ]
    lines += ["## Failing tests", "", "| test | outcomes per run | phase | kind | message |", "|---|---|---|---|---|"]
    for h in a.tests:
        if h.category == category:
            kind = "flaky" if h.flaky else "deterministic"
            lines.append(
                f"| `{_md(h.test)}` | {outcome_marks(h.outcomes)} | {h.failure_phase or '–'} | {kind} | "
                f"{_md(h.message[:160])} |"
            )
    rep_id, tb = _representative(a, runs, category)
    lines += [
        "",
        "## Representative traceback",
        "",
        f"`{_md(rep_id)}`",
        "",
        "```text",
        tb.replace("```", "'''"),
        "```",
        "",
    ]
    shared = [f for c in clusters for f in c.shared_frames]
    if shared:
        lines += [f"Frames shared by every member: `{' → '.join(dict.fromkeys(shared))}`", ""]
    lines += ["## Nearest exemplars", "", "| exemplar | category | similarity | library |", "|---|---|---:|---|"]
    for c in clusters[:3]:
        for n in c.nearest[:5]:
            lines.append(f"| {_md(n.id)} | {n.category} | {n.similarity:.3f} | {_md(n.library or '–')} |")
    if info is not None and info.root_causes:
        lines += ["", "## Root causes to investigate", ""] + [f"1. {_md(r)}" for r in info.root_causes]
    lines += ["", "## Debugging playbook", ""]
    if info is not None and info.playbook:
        for step in info.playbook:
            lines.append(f"1. {step.step}")
            if step.command:
                lines += ["   ```bash", f"   {step.command}", "   ```"]
    else:
        lines += [
            "1. Read the representative traceback and the failing tests' messages.",
            "1. Decide whether it is one of the known categories; if not, name the cause.",
            "1. Label the failures (the model learns the new category) and fix the cause.",
        ]
    flaky = [h.test for h in a.tests if h.category == category and h.flaky]
    if flaky:
        lines += [
            "",
            "## Flaky tests in this category",
            "",
            "These passed in some runs: reproduce with repeated runs "
            "(`for i in $(seq 10); do pytest TEST -q || break; done`).",
            "",
        ]
        lines += [f"- `{_md(t)}`" for t in flaky]
    return "\n".join(lines) + "\n"


def _coverage_html(cov: CoverageSummary) -> str:
    rows = "".join(
        f"<tr><td>{html.escape(g.filename)}</td><td>{g.line_rate:.2f}%</td>"
        f"<td>{'–' if g.branch_rate is None else f'{g.branch_rate:.2f}%'}</td><td>{g.lines_missed}</td>"
        f"<td>{html.escape(g.missing)}</td></tr>"
        for g in cov.files_with_gaps
    )
    branch = "–" if cov.branch_rate is None else f"{cov.branch_rate:.2f}%"
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>Coverage</title>"
        f"<style>body{{font-family:sans-serif;margin:2em}}td,th{{padding:2px 8px;border-bottom:1px solid #ddd}}"
        f"</style></head><body><h1>Coverage</h1><p>{html.escape(cov.source)}</p>"
        f"<p>Lines {cov.line_rate:.2f}% ({cov.lines_covered}/{cov.lines_valid}) · branches {branch} "
        f"({cov.branches_covered}/{cov.branches_valid}) · {cov.files} files</p>"
        f"<table><tr><th>file</th><th>lines</th><th>branches</th><th>missed</th><th>missing</th></tr>{rows}"
        f"</table></body></html>\n"
    )


def _run_results(run: Run, index: int) -> str:
    doc = {
        "index": index,
        "source": run.source,
        "format": run.format,
        "duration": run.duration,
        "tests": [asdict(t) for t in run.tests],
    }
    return json.dumps(doc, indent=1, ensure_ascii=False) + "\n"


def write_analysis_folder(
    a: AnalysisResult,
    runs: Sequence[Run],
    out: str | os.PathLike[str],
    *,
    categories: Mapping[str, Any] | None = None,
    coverage_file: str | os.PathLike[str] | None = None,
) -> list[Path]:
    """Write the framework's deliverables into ``out`` (created if needed); returns the files written.

    Parameters
    ----------
    a:
        The analysis (:func:`clusterer.analysis.analyze`).
    runs:
        The runs it was made from (for tracebacks and the per-run result files).
    out:
        The analysis folder.
    categories:
        Category id -> :class:`~clusterer.categories.Category` (the model's; default: the framework's seven).
    coverage_file:
        The Cobertura XML, copied to ``metrics/coverage.xml``.
    """
    if categories is None:
        from .categories import builtin_categories

        categories = {c.id: c for c in builtin_categories()}
    root = Path(out)
    written = []
    for i, run in enumerate(runs):
        written.append(_atomic_write(root / ".baseline" / f"run_{i + 1:03d}_results.json", _run_results(run, i)))
    written.append(_atomic_write(root / ".baseline" / "analysis.md", render_analysis_markdown(a)))
    for item in a.fix_order:
        info = categories.get(item.category)
        doc = issue_document(item.category, item.name, getattr(info, "slug", None))
        written.append(_atomic_write(root / doc, render_issue_markdown(a, runs, item.category, info)))
    metrics = root / "metrics"
    written.append(_atomic_write(metrics / "performance.json", a.metrics.model_dump_json(indent=2) + "\n"))
    written.append(
        _atomic_write(metrics / "performance.schema.json", json.dumps(performance_json_schema(), indent=2) + "\n")
    )
    cov = a.metrics.coverage
    written.append(_atomic_write(metrics / "coverage.md", "# Coverage\n\n" + "\n".join(coverage_lines(cov)) + "\n"))
    if cov is not None:
        written.append(_atomic_write(metrics / "coverage.json", cov.model_dump_json(indent=2) + "\n"))
        written.append(_atomic_write(metrics / "coverage.html", _coverage_html(cov)))
        if coverage_file is not None:
            target = metrics / "coverage.xml"
            if Path(coverage_file).resolve() != target.resolve():
                shutil.copyfile(coverage_file, target)
            written.append(target)
    written.append(_atomic_write(root / "analysis.json", a.model_dump_json(indent=2) + "\n"))
    written.append(_atomic_write(root / "summary.md", render_summary_markdown(a)))
    return written


def render_analysis_table(a: AnalysisResult, console: Any) -> None:
    """Print the analysis for a terminal: summary, fix order, flaky tests, then the clusters table."""
    from rich.table import Table

    from .report import render_table

    for line in _summary_lines(a):
        console.print(line.replace("**", ""), markup=False, highlight=False)
    order = Table(title="Prioritized fix order", expand=True)
    for col in ("#", "priority", "category", "tests", "failures", "flaky", "document"):
        order.add_column(col, justify="right" if col in ("#", "tests", "failures", "flaky") else "left")
    for item in a.fix_order:
        cat = f"#{item.category} {item.name}" if not item.category.startswith("new") else item.name
        order.add_row(
            str(item.rank),
            item.fix_priority,
            cat,
            str(item.tests),
            str(item.failures),
            str(item.flaky_tests),
            item.document,
        )
    console.print(order)
    flaky = Table(title="Flaky tests (✓ passed · F failed · E error, per run)", expand=True)
    for col in ("test", "outcomes", "why", "category"):
        flaky.add_column(col)
    for h in a.tests:
        if h.flaky:
            flaky.add_row(h.test, outcome_marks(h.outcomes), ", ".join(h.flaky_reasons), h.category or "–")
    console.print(flaky if any(h.flaky for h in a.tests) else "no flaky tests")
    render_table(a.classification, console)
