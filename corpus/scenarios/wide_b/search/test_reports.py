import polars as pl
import pytest

from .reports import delivery_rates, late_by_depot, merge_targets, tables_used, to_warehouse


def test_simple_report_transpiles():
    assert to_warehouse("SELECT depot, COUNT(*) FROM deliveries GROUP BY depot") == "SELECT depot, COUNT(*) FROM deliveries GROUP BY depot"


def test_tables_of_join_report():
    assert tables_used("SELECT * FROM deliveries d JOIN depots p ON p.id = d.depot_id") == {"deliveries", "depots"}


def test_delivery_rate_per_depot():
    df = delivery_rates([{"depot": "York", "delivered": 90, "attempted": 100}, {"depot": "Leeds", "delivered": 45, "attempted": 50}])
    assert df["rate"].to_list() == [0.9, 0.9]


@pytest.mark.failure(category="other", library="sqlglot", dist="sqlglot", shape="raised", cause="sql-parse-error")
def test_saved_report_missing_group_by_keyword():
    assert "deliveries" in tables_used("SELECT depot, COUNT(*) FROM deliveries GROUP depot")


@pytest.mark.failure(category="other", library="sqlglot", dist="sqlglot", shape="raised", cause="sql-parse-error")
def test_report_with_unbalanced_parenthesis():
    assert to_warehouse("SELECT depot FROM deliveries WHERE (status = 'late' OR status = 'lost'")


@pytest.mark.failure(category="other", library="sqlglot", dist="sqlglot", shape="assert", cause="sql-dialect-output-assumption")
def test_date_filter_transpiles_unchanged():
    sql = "SELECT * FROM deliveries WHERE delivered_at::date = CURRENT_DATE - INTERVAL '1 day'"
    assert to_warehouse(sql) == sql


@pytest.mark.failure(category="other", library="polars", dist="polars", shape="raised", cause="dataframe-schema-mismatch")
def test_rates_from_csv_import():
    rows = [{"depot": "Hull", "delivered": 88, "attempted": 100}, {"depot": "Hull B", "delivered": "n/a", "attempted": 0}]
    assert delivery_rates(rows)["rate"][0] == 0.88


@pytest.mark.failure(category="other", library="polars", dist="polars", shape="raised", cause="dataframe-missing-column")
def test_average_lateness_per_depot():
    df = pl.DataFrame({"depot": ["York", "York", "Leeds"], "late_minutes": [10, 20, 5]})
    assert late_by_depot(df)["avg_late"].to_list() == [5.0, 15.0]


@pytest.mark.failure(category="other", library="polars", dist="polars", shape="raised", cause="dataframe-schema-mismatch")
def test_rates_joined_with_targets():
    rates = delivery_rates([{"depot": "York", "delivered": 90, "attempted": 100}])
    targets = pl.DataFrame({"depot": [1], "target": [0.95]})
    assert merge_targets(rates, targets)["target"][0] == 0.95


@pytest.mark.failure(category="other", library="polars", dist="polars", shape="assert", cause="float-rounding")
def test_rate_rounding_for_dashboard():
    df = delivery_rates([{"depot": "Hull", "delivered": 2, "attempted": 3}])
    assert df["rate"][0] == 0.67, "dashboard shows two decimals"
