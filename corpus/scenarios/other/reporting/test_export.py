from __future__ import annotations

from pathlib import Path

import pytest

from .export import DATA, HERE, load_budget, load_headcount, load_rates, render_summary, write_report

ROWS = [{"region": "north", "revenue": 1600.0}, {"region": "south", "revenue": 900.0}]


# --- fixture data files --------------------------------------------------------------------

@pytest.mark.failure(category="other", library="pathlib", dist=None, shape="setup", cause="fixture-data-file-missing")
def test_rates_fixture_has_euro(rates_fixture):
    assert "EUR" in rates_fixture


@pytest.mark.failure(category="other", library="csv", dist=None, shape="raised", cause="fixture-data-file-missing")
def test_convert_revenue_to_usd():
    rates = load_rates()
    assert rates["USD"] > 0


@pytest.mark.failure(category="other", library="pandas", shape="raised", cause="fixture-data-file-missing")
def test_budget_for_second_quarter():
    df = load_budget(DATA / "q2_budget.csv")
    assert df["revenue"].sum() > 0


@pytest.mark.failure(category="other", library="pandas", shape="raised", cause="fixture-data-file-missing")
def test_budget_relative_to_cwd():
    # works when pytest is started from the reporting/ folder only
    df = load_budget(Path("data/q1_budget.csv"))
    assert len(df) == 2


@pytest.mark.failure(category="other", library="openpyxl", shape="raised", cause="fixture-data-file-missing")
def test_headcount_from_hr_workbook():
    assert load_headcount(DATA / "headcount.xlsx") == 42


# --- report output paths -------------------------------------------------------------------

@pytest.mark.failure(category="other", library="pathlib", dist=None, shape="raised", cause="report-output-path-error")
def test_write_report_to_archive(archive_dir):
    path = write_report(archive_dir, "2024-05.csv", ROWS)
    assert path.exists()


@pytest.mark.failure(category="other", library="pathlib", dist=None, shape="raised", cause="report-output-path-error")
def test_write_report_into_new_month_folder(tmp_path):
    path = write_report(tmp_path / "2024" / "05", "revenue.csv", ROWS)
    assert path.read_text().startswith("region")


@pytest.mark.failure(category="other", library="pathlib", dist=None, shape="raised", cause="report-output-path-error")
def test_write_report_when_name_is_a_folder(tmp_path):
    (tmp_path / "latest.csv").mkdir()
    write_report(tmp_path, "latest.csv", ROWS)


@pytest.mark.failure(category="other", library="os", dist=None, shape="raised", cause="report-output-path-error")
def test_publish_creates_month_folder(tmp_path):
    (tmp_path / "2024-05").mkdir()
    (tmp_path / "2024-05").mkdir()


@pytest.mark.failure(category="other", library="pathlib", dist=None, shape="teardown", cause="report-output-path-error")
def test_reports_are_counted(run_summary, tmp_path):
    run_summary.append(write_report(tmp_path, "a.csv", ROWS))
    assert len(run_summary) == 1


@pytest.mark.failure(category="other", library="pathlib", dist=None, shape="raised", cause="report-output-path-error")
def test_write_report_into_sys_metrics():
    # REPORT_DIR pointed at a read-only system mount on the CI box
    write_report(Path("/sys/kernel"), "report.csv", ROWS)


# --- golden files / snapshots --------------------------------------------------------------

@pytest.mark.failure(category="other", library="golden-file", dist=None, shape="assert", cause="snapshot-mismatch")
def test_summary_matches_golden_file():
    expected = (HERE / "golden" / "summary_q1.md").read_text()
    assert render_summary(ROWS) == expected


@pytest.mark.failure(category="other", library="golden-file", dist=None, shape="assert", cause="snapshot-mismatch")
def test_summary_thousands_separator():
    rows = [{"region": "north", "revenue": 16000.0}]
    assert render_summary(rows).splitlines()[-1] == "| north | 16000.00 |"


@pytest.fixture
def scratch_dir(tmp_path):
    path = tmp_path / "scratch"
    path.mkdir()
    yield path
    for child in path.iterdir():
        child.unlink()
    path.rmdir()


@pytest.mark.failure(category="other", library="pathlib", dist=None, shape="teardown", cause="report-output-path-error")
def test_report_with_attachments_folder(scratch_dir):
    (scratch_dir / "attachments").mkdir()
    path = write_report(scratch_dir, "report.csv", ROWS)
    assert path.stat().st_size > 0
