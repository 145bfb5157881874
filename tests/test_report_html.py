"""``report.html``: self-contained, one map point per failure; rendered in real headless Chromium (slow)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

pytest.importorskip("plotly", reason="the HTML report needs the report extra: pip install 'clusterer[report]'")

from clusterer.analysis import analyze, read_runs
from clusterer.records import Run
from clusterer.report_html import failure_map, map_figure, render_html_report, write_html_report

RUNS = ("run1.json", "run2.json", "run3.json")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory, tiny):
    examples = Path(__file__).resolve().parent.parent / "examples" / "results"
    runs = read_runs([examples / r for r in RUNS])
    a = analyze(runs, tiny)
    path = write_html_report(a, runs, tiny, tmp_path_factory.mktemp("html") / "report.html")
    return path, a, runs


def test_report_is_self_contained(report) -> None:
    path, a, _ = report
    page = path.read_text()
    assert not re.search(r"<script[^>]+src=", page), "no external scripts"
    assert not re.search(r"<link[^>]+href=\"?https?:", page), "no external stylesheets"
    assert "Plotly" in page and 'id="failure-map"' in page and 'id="duration-histogram"' in page
    assert f'data-failures="{len(a.classification.failures)}"' in page
    for test in a.flaky:
        assert test in page


def test_map_has_one_point_per_failure(report, tiny) -> None:
    _, a, runs = report
    coords = failure_map(runs, tiny)
    assert coords.shape == (len(a.classification.failures), 2)
    fig = map_figure(a, coords)
    assert sum(len(trace.x) for trace in fig.data) == len(a.classification.failures)
    assert {trace.name for trace in fig.data} >= {"#1 ML model loading failure"}


def test_report_without_failures(tiny, tmp_path: Path) -> None:
    from clusterer.records import TestCase as Case

    runs = [Run("a", "x", (Case(test="t::ok", outcome="passed", duration=0.1),))]
    a = analyze(runs, tiny)
    page = render_html_report(a, runs, tiny)
    assert "No failures: nothing to map." in page and "No flaky tests." in page


def test_user_text_is_escaped(tiny) -> None:
    from clusterer.records import TestCase as Case

    evil = "t::test_<script>alert(1)</script>"
    runs = [
        Run(
            "a",
            "x",
            (
                Case(
                    test=evil,
                    outcome="failed",
                    message="<img src=x onerror=alert(1)>",
                    traceback="E   ValueError: <b>",
                    duration=0.1,
                ),
            ),
        )
    ]
    page = render_html_report(analyze(runs, tiny), runs, tiny)
    assert "<script>alert(1)</script>" not in page and "<img src=x" not in page


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
def test_report_renders_in_headless_chromium(report, tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="needs playwright (pip install playwright)")
    path, a, _ = report
    n_failures = len(a.classification.failures)
    console_errors: list[str] = []
    page_errors: list[str] = []
    with sync_api.sync_playwright() as p:
        # playwright starts every browser with a new empty profile of its own (it refuses --user-data-dir here)
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: page_errors.append(str(e)))
            # no network: any request leaving the file is a bug in the report
            page.route(re.compile(r"^https?://"), lambda route: route.abort())
            page.goto(path.as_uri(), wait_until="load")
            page.wait_for_selector("#failure-map .scatterlayer .trace", timeout=30_000)
            points = page.locator("#failure-map .scatterlayer path.point").count()
            assert points == n_failures
            bars = page.locator("#duration-histogram .barlayer path").count()
            assert bars > 0
            assert page.locator("#clusters-table tbody tr").count() == len(a.classification.clusters)
            assert page.locator("#flaky-table tbody tr").count() == len(a.flaky)
            page.screenshot(path=str(tmp_path / "report.png"), full_page=False)
        finally:
            browser.close()
    assert console_errors == [] and page_errors == []
