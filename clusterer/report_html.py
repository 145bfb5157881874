"""``report.html``: one self-contained page (opens offline) for an analysis.

Sections: summary, prioritized fix order, clusters table (sizes, categories, flakiness), a 2-D map of the failure
embeddings coloured by category (PCA of the model's embedding; one point per failing result), a duration
histogram with the slow outliers, and the flaky tests. Charts are drawn by plotly, whose JavaScript is inlined,
so the page needs no network. Needs the ``report`` extra: ``pip install 'clusterer[report]'``.
"""

from __future__ import annotations

import html
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .analysis_schema import AnalysisResult
from .deliverables import outcome_marks
from .errors import ClustererError
from .records import Run

_PALETTE = [
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
]


def _require_plotly() -> Any:
    try:
        import plotly.graph_objects as go
    except ImportError:  # pragma: no cover - depends on the environment
        raise ClustererError("the HTML report needs plotly: pip install 'clusterer[report]'") from None
    return go


def failure_map(runs: Sequence[Run], model: Any, *, seed: int = 0) -> np.ndarray:
    """2-D coordinates of every failing result of ``runs`` (in run order, as ``classify_runs`` lists them).

    The failures' canonical texts are embedded with the model's embedder and projected on their first two
    principal components (scikit-learn PCA). Identical texts (the same failure in several runs) share a point;
    a small deterministic jitter keeps them visible as separate points.

    Returns
    -------
    ndarray of shape (n_failures, 2)
    """
    from .normalize import canonical_text

    failures = [t for run in runs for t in run.failures]
    if not failures:
        return np.zeros((0, 2))
    texts = [canonical_text(t) for t in failures]
    index: dict[str, int] = {}
    of = np.array([index.setdefault(t, len(index)) for t in texts])
    uniques = list(index)
    coords = np.zeros((len(uniques), 2))
    if len(uniques) > 1:
        from sklearn.decomposition import PCA

        vectors = model.embedder.embed(uniques)
        dense = vectors.toarray() if hasattr(vectors, "toarray") else np.asarray(vectors, dtype=np.float64)
        k = min(2, len(uniques) - 1, dense.shape[1])
        coords[:, :k] = PCA(n_components=k, random_state=seed).fit_transform(dense)
    span = float(np.ptp(coords)) if coords.size else 0.0
    rng = np.random.default_rng(seed)
    jitter = rng.normal(scale=0.01 * (span or 1.0), size=(len(failures), 2))
    return coords[of] + jitter


def _category_label(category: str, name: str) -> str:
    return name if category.startswith("new") else f"#{category} {name}"


def map_figure(a: AnalysisResult, coords: np.ndarray) -> Any:
    """The failure map: a plotly scatter with one trace per category and one point per failing result."""
    go = _require_plotly()
    flaky = set(a.flaky)
    new_names = {c.category: c.name for c in a.classification.clusters if c.is_new}
    fig = go.Figure()
    groups: dict[str, list[int]] = {}
    for i, f in enumerate(a.classification.failures):
        groups.setdefault(f.category, []).append(i)
    palette = _PALETTE
    if len(groups) > len(palette):
        from plotly.colors import qualitative

        palette = qualitative.Dark24 + qualitative.Light24
    for gi, (cat, members) in enumerate(sorted(groups.items(), key=lambda kv: (kv[0].startswith("new"), kv[0]))):
        fs = [a.classification.failures[i] for i in members]
        label = _category_label(cat, new_names.get(cat, fs[0].category_name))
        fig.add_trace(
            go.Scatter(
                x=coords[members, 0].round(4).tolist(),
                y=coords[members, 1].round(4).tolist(),
                mode="markers",
                name=label,
                marker={
                    "size": 10,
                    "color": palette[gi % len(palette)],
                    "line": {"width": 1, "color": "#333"},
                    "symbol": ["diamond" if f.test in flaky else "circle" for f in fs],
                },
                text=[
                    f"{html.escape(f.test)} @run{f.run}<br>{f.cluster} · "
                    f"{'flaky' if f.test in flaky else 'deterministic'}<br>{html.escape(f.message[:100])}"
                    for f in fs
                ],
                hoverinfo="text",
            )
        )
    fig.update_layout(
        title="Failures by embedding (PCA) — colour: category · ◆ flaky, ● deterministic",
        xaxis_title="PC 1",
        yaxis_title="PC 2",
        height=520,
        margin={"t": 60, "l": 40, "r": 20},
        legend={"title": {"text": "category"}},
    )
    return fig


def _duration_figure(a: AnalysisResult, runs: Sequence[Run]) -> Any:
    go = _require_plotly()
    durations = [float(t.duration) for r in runs for t in r.tests if t.duration is not None]
    m = a.metrics
    fig = go.Figure()
    fig.add_trace(go.Histogram(x=durations, nbinsx=60, name="test results", marker={"color": "#1f77b4"}))
    slow = m.slowest
    fig.add_trace(
        go.Scatter(
            x=[s.duration for s in slow],
            y=[0.5] * len(slow),
            mode="markers",
            name="10 slowest (mean over runs)",
            marker={"symbol": "triangle-up", "size": 12, "color": "#ff7f0e"},
            text=[html.escape(s.test) for s in slow],
            hoverinfo="text+x",
        )
    )
    if m.outliers:
        fig.add_trace(
            go.Scatter(
                x=[o.duration for o in m.outliers],
                y=[1.0] * len(m.outliers),
                mode="markers",
                name=f"outliers > {m.outlier_threshold:g} s",
                marker={"symbol": "x", "size": 12, "color": "#d62728"},
                text=[f"{html.escape(o.test)} @run{o.run}" for o in m.outliers],
                hoverinfo="text+x",
            )
        )
        fig.add_vline(x=m.outlier_threshold, line_dash="dash", line_color="#d62728")
    for q, label in (
        (m.durations_all_results.p50, "P50"),
        (m.durations_all_results.p95, "P95"),
        (m.durations_all_results.p99, "P99"),
    ):
        if q is not None:
            fig.add_vline(x=q, line_dash="dot", line_color="#555", annotation_text=label)
    fig.update_layout(
        title=f"Test durations, all runs ({len(durations)} results; "
        f"{len(m.outliers)} outliers over {m.outlier_threshold:g} s)",
        xaxis_title="seconds",
        yaxis_title="results",
        height=420,
        bargap=0.05,
        margin={"t": 60, "l": 40, "r": 20},
    )
    return fig


def _table(headers: Sequence[str], rows: Sequence[Sequence[Any]], table_id: str) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table id="{table_id}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:0 auto;max-width:1200px;padding:1em 2em;
color:#222}h1{margin-bottom:.2em}table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em;font-size:14px}
th,td{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f5f5f5}
.kpis{display:flex;flex-wrap:wrap;gap:1em;margin:1em 0}.kpi{background:#f5f7fa;border-radius:6px;padding:.6em 1em}
.kpi b{display:block;font-size:1.4em}.muted{color:#666}
"""


def render_html_report(a: AnalysisResult, runs: Sequence[Run], model: Any) -> str:
    """The whole page as one string (plotly.js inlined)."""
    _require_plotly()
    import plotly.io as pio
    from plotly.offline import get_plotlyjs

    m = a.metrics
    c = a.classification
    coords = failure_map(runs, model)
    if len(coords) != len(c.failures):  # pragma: no cover - guards the ordering contract with classify_runs
        raise ClustererError("failure map and classification disagree on the number of failures")
    config = {"displaylogo": False, "responsive": True}
    map_html = (
        pio.to_html(map_figure(a, coords), full_html=False, include_plotlyjs=False, div_id="failure-map", config=config)
        if c.failures
        else "<p>No failures: nothing to map.</p>"
    )
    hist_html = pio.to_html(
        _duration_figure(a, runs), full_html=False, include_plotlyjs=False, div_id="duration-histogram", config=config
    )
    flaky_of = {cf.cluster: cf for cf in a.cluster_flakiness}
    cluster_rows = [
        (
            cl.id,
            _category_label(cl.category, cl.category_name) if not cl.is_new else cl.name,
            cl.size,
            len(flaky_of[cl.id].tests) if cl.id in flaky_of else "",
            len(flaky_of[cl.id].flaky_tests) if cl.id in flaky_of else "",
            ", ".join(str(r) for r in cl.runs),
            f"{cl.confidence:.2f}",
            f"P{cl.priority - 1}" if cl.priority else "triage",
            cl.representative.test if cl.representative else "",
        )
        for cl in c.clusters
    ]
    fix_rows = [
        (i.rank, i.fix_priority, _category_label(i.category, i.name), i.tests, i.failures, i.flaky_tests, i.document)
        for i in a.fix_order
    ]
    flaky_rows = [
        (h.test, outcome_marks(h.outcomes), ", ".join(h.flaky_reasons), h.category or "–", h.message[:140])
        for h in a.tests
        if h.flaky
    ]
    slow_rows = [(s.test, f"{s.duration:.3f}") for s in m.slowest]
    cov = m.coverage
    kpis = [
        ("runs", m.runs),
        ("tests", m.tests),
        ("results", m.counts.total),
        ("passed", m.counts.passed),
        ("failed", m.counts.failed),
        ("errors", m.counts.error),
        ("skipped", m.counts.skipped),
        ("xfailed", m.counts.xfailed),
        ("xpassed", m.counts.xpassed),
        ("flaky tests", m.failures.flaky_tests),
        ("deterministic failures", m.failures.deterministic_failures),
        ("clusters", c.summary.clusters),
        ("P50", f"{m.durations.p50 or 0:.3f} s"),
        ("P95", f"{m.durations.p95 or 0:.3f} s"),
        ("P99", f"{m.durations.p99 or 0:.3f} s"),
        ("total time", f"{m.total_time:.1f} s"),
    ] + (
        [
            ("line coverage", f"{cov.line_rate:.1f}%"),
            ("branch coverage", "–" if cov.branch_rate is None else f"{cov.branch_rate:.1f}%"),
        ]
        if cov
        else []
    )
    kpi_html = "".join(f'<div class="kpi"><b>{html.escape(str(v))}</b>{html.escape(k)}</div>' for k, v in kpis)
    sources = ", ".join(html.escape(Path(s).name) for s in m.sources)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Test failure analysis</title><style>{_CSS}</style>
<script type="text/javascript">{get_plotlyjs()}</script></head>
<body>
<h1>Test failure analysis</h1>
<p class="muted">{m.runs} runs: {sources} · model {html.escape(c.model.name)}</p>
<section id="summary"><div class="kpis">{kpi_html}</div></section>
<section id="fix-order"><h2>Prioritized fix order</h2>
{_table(["#", "priority", "category", "tests", "failures", "flaky tests", "document"], fix_rows, "fix-order-table")}
</section>
<section id="clusters"><h2>Clusters</h2>
{
        _table(
            ["cluster", "category", "size", "tests", "flaky tests", "runs", "confidence", "priority", "representative"],
            cluster_rows,
            "clusters-table",
        )
    }
</section>
<section id="map" data-failures="{len(c.failures)}"><h2>Failure map</h2>{map_html}</section>
<section id="durations"><h2>Durations</h2>{hist_html}
<h3>Slowest 10 tests (mean over runs)</h3>{_table(["test", "seconds"], slow_rows, "slowest-table")}</section>
<section id="flaky"><h2>Flaky tests ({len(flaky_rows)})</h2>
<p class="muted">Outcomes per run: ✓ passed · F failed · E error · s skipped · · did not run.</p>
{
        _table(["test", "outcomes", "why", "category", "message"], flaky_rows, "flaky-table")
        if flaky_rows
        else "<p>No flaky tests.</p>"
    }
</section>
</body></html>
"""


def write_html_report(a: AnalysisResult, runs: Sequence[Run], model: Any, path: str | os.PathLike[str]) -> Path:
    """Write :func:`render_html_report` to ``path`` atomically and return the path."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    tmp.write_text(render_html_report(a, runs, model), encoding="utf-8")
    os.replace(tmp, target)
    return target
