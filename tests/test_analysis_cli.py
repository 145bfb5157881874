"""``cluster analyze``: every output file of the framework's layout, the JSON contracts, Markdown, errors."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from clusterer.analysis_schema import analysis_json_schema, performance_json_schema
from clusterer.cli import app

RUNS = ("run1.json", "run2.json", "run3.json")


@pytest.fixture(scope="module")
def analysis_dir(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    from typer.testing import CliRunner

    examples = Path(__file__).resolve().parent.parent / "examples" / "results"
    out = tmp_path_factory.mktemp("analysis")
    result = CliRunner().invoke(
        app,
        [
            "analyze",
            *(str(examples / r) for r in RUNS),
            "--coverage",
            str(examples / "coverage.xml"),
            "--out",
            str(out),
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    return out, json.loads(result.stdout)


def test_json_output_validates_against_schema(analysis_dir) -> None:
    _, doc = analysis_dir
    jsonschema.validate(doc, analysis_json_schema())
    assert len(doc["tests"]) == 93 and all(len(t["outcomes"]) == 3 for t in doc["tests"])
    assert {t["test"] for t in doc["tests"] if t["flaky"]} == set(doc["flaky"])
    assert len(doc["flaky"]) == 3
    assert doc["classification"]["summary"]["failures"] == 78


def test_every_deliverable_is_written(analysis_dir) -> None:
    out, doc = analysis_dir
    expected = [
        ".baseline/analysis.md",
        ".baseline/run_001_results.json",
        ".baseline/run_002_results.json",
        ".baseline/run_003_results.json",
        "metrics/performance.json",
        "metrics/performance.schema.json",
        "metrics/coverage.md",
        "metrics/coverage.json",
        "metrics/coverage.html",
        "metrics/coverage.xml",
        "analysis.json",
        "summary.md",
        "report.html",
    ]
    expected += [item["document"] for item in doc["fix_order"]]
    for rel in expected:
        assert (out / rel).is_file() and (out / rel).stat().st_size > 0, rel
    categories = {f["category"] for f in doc["classification"]["failures"]}
    issue_files = sorted(p.name for p in (out / "failures").iterdir())
    assert len(issue_files) == len(categories)
    for cat in categories:
        assert any(name.startswith(f"issue_{cat}_") for name in issue_files), cat
    if "1" in categories:
        assert (out / "failures" / "issue_1_ml_models.md").is_file()  # the framework's own file names


def test_performance_json_matches_schema_and_analysis(analysis_dir) -> None:
    out, doc = analysis_dir
    perf = json.loads((out / "metrics" / "performance.json").read_text())
    jsonschema.validate(perf, performance_json_schema())
    assert json.loads((out / "metrics" / "performance.schema.json").read_text()) == performance_json_schema()
    assert perf == doc["metrics"]
    assert perf["coverage"]["line_rate"] == pytest.approx(96.02, abs=0.01)
    assert perf["failures"]["flaky_tests"] == 3 and perf["failures"]["deterministic_failures"] == 25


def test_analysis_md_sections(analysis_dir) -> None:
    out, doc = analysis_dir
    md = (out / ".baseline" / "analysis.md").read_text()
    for heading in (
        "## Summary",
        "## Prioritized fix order",
        "## Categories",
        "## Flaky tests",
        "## Metrics",
        "### Execution metrics",
        "### Performance metrics",
        "### Failure metrics",
        "### Coverage metrics",
    ):
        assert heading in md, heading
    for test in doc["flaky"]:
        assert test in md
    # fix order: P0 before P1 before P2 before triage
    order = [item["fix_priority"] for item in doc["fix_order"]]
    rank = {"P0": 0, "P1": 1, "P2": 2, "triage": 3}
    assert order == sorted(order, key=rank.__getitem__)
    assert order.index("P0") == 0


def test_issue_document_content(analysis_dir) -> None:
    out, doc = analysis_dir
    known = next(i for i in doc["fix_order"] if not i["category"].startswith("new"))
    text = (out / known["document"]).read_text()
    for part in (
        "## Failing tests",
        "## Representative traceback",
        "## Nearest exemplars",
        "## Debugging playbook",
        "**Fix priority**: " + known["fix_priority"],
    ):
        assert part in text, part
    assert "```text" in text


def test_markdown_summary_fits_step_summary(runner, examples: Path) -> None:
    result = runner.invoke(app, ["analyze", *(str(examples / r) for r in RUNS), "--format", "markdown"])
    assert result.exit_code == 0, result.output
    md = result.stdout
    assert md.startswith("## Test run analysis") and "### Flaky tests" in md and "### Fix order" in md
    assert len(md.encode()) < 1024 * 1024


def test_table_output_and_folder_argument(runner, tmp_path: Path, examples: Path) -> None:
    for r in RUNS:
        (tmp_path / r).write_bytes((examples / r).read_bytes())
    result = runner.invoke(app, ["analyze", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "Prioritized fix order" in result.stdout and "Flaky tests" in result.stdout


def test_bad_input_is_one_line(runner, tmp_path: Path, examples: Path) -> None:
    result = runner.invoke(app, ["analyze", str(tmp_path / "nope.json")])
    assert result.exit_code == 2
    assert "no such file" in result.stderr and "Traceback" not in result.output
    bad_cov = tmp_path / "cov.xml"
    bad_cov.write_text("<nope/>")
    result = runner.invoke(app, ["analyze", str(examples / "run1.json"), "--coverage", str(bad_cov)])
    assert result.exit_code == 2 and "Cobertura" in result.stderr


def test_schema_commands(runner) -> None:
    result = runner.invoke(app, ["analyze-schema"])
    assert result.exit_code == 0 and json.loads(result.stdout)["title"] == "AnalysisResult"
    result = runner.invoke(app, ["analyze-schema", "--performance"])
    assert result.exit_code == 0 and json.loads(result.stdout)["title"] == "PerformanceMetrics"
