"""The analytics warehouse is an embedded DuckDB file shared by the ETL job and the dashboard."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time

import duckdb
import pytest

known_failure = lambda shape, cause: pytest.mark.failure(category="3", library="duckdb", shape=shape, cause=cause)  # noqa: E731


@pytest.fixture
def warehouse_file(tmp_path):
    path = tmp_path / "analytics.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE daily_sales (day DATE, sku TEXT, units INTEGER)")
    con.execute("INSERT INTO daily_sales VALUES ('2026-11-01', 'WIDGET', 12), ('2026-11-01', 'GADGET', 3)")
    con.close()
    return path


@pytest.fixture
def etl_job_running(warehouse_file):
    """The nightly ETL process has the warehouse open for writing."""
    code = textwrap.dedent(
        f"""
        import duckdb, sys, time
        con = duckdb.connect({str(warehouse_file)!r})
        con.execute("INSERT INTO daily_sales VALUES ('2026-11-02', 'GIZMO', 1)")
        print("ready", flush=True)
        time.sleep(30)
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    yield proc
    proc.kill()
    proc.wait()


def test_units_per_sku(warehouse_file):
    con = duckdb.connect(str(warehouse_file), read_only=True)
    try:
        rows = con.execute("SELECT sku, sum(units) FROM daily_sales GROUP BY sku ORDER BY sku").fetchall()
    finally:
        con.close()
    assert rows == [("GADGET", 3), ("WIDGET", 12)]


@known_failure("raised", "file-lock-conflict")
def test_dashboard_reads_during_etl(warehouse_file, etl_job_running):
    con = duckdb.connect(str(warehouse_file), read_only=True)
    assert con.execute("SELECT count(*) FROM daily_sales").fetchone()[0] >= 2


@pytest.fixture
def dashboard_conn(warehouse_file, etl_job_running):
    con = duckdb.connect(str(warehouse_file))
    yield con
    con.close()


@known_failure("setup", "file-lock-conflict")
def test_dashboard_top_sellers(dashboard_conn):
    assert dashboard_conn.execute("SELECT max(units) FROM daily_sales").fetchone()[0] == 12


@known_failure("raised", "write-write-conflict")
def test_concurrent_corrections_to_same_day(warehouse_file):
    con = duckdb.connect(str(warehouse_file))
    etl, analyst = con.cursor(), con.cursor()
    try:
        etl.execute("BEGIN TRANSACTION")
        analyst.execute("BEGIN TRANSACTION")
        etl.execute("UPDATE daily_sales SET units = units + 1 WHERE sku = 'WIDGET'")
        analyst.execute("UPDATE daily_sales SET units = 0 WHERE sku = 'WIDGET'")
        etl.execute("COMMIT")
        analyst.execute("COMMIT")
    finally:
        con.close()


@known_failure("raised", "connection-config-mismatch")
def test_report_opens_read_only_view(warehouse_file):
    writer = duckdb.connect(str(warehouse_file))
    try:
        reader = duckdb.connect(str(warehouse_file), read_only=True)
        assert reader.execute("SELECT count(*) FROM daily_sales").fetchone()[0] == 2
    finally:
        writer.close()


@known_failure("chained", "file-lock-conflict")
def test_refresh_materialized_rollup(warehouse_file, etl_job_running):
    class WarehouseUnavailable(RuntimeError):
        pass

    def open_warehouse():
        for attempt in range(2):
            try:
                return duckdb.connect(str(warehouse_file))
            except duckdb.IOException as exc:
                if attempt == 1:
                    raise WarehouseUnavailable(f"warehouse {warehouse_file.name} busy") from exc
                time.sleep(0.1)

    con = open_warehouse()
    con.execute("CREATE TABLE rollup AS SELECT sku, sum(units) AS units FROM daily_sales GROUP BY sku")
