import threading
import time

import apsw
import psycopg2
import pytest

from . import ledger, sales, stock
from ..conftest import PG_HOST, PG_PORT


@pytest.fixture(scope="module", autouse=True)
def sales_table():
    conn = psycopg2.connect(host=PG_HOST, port=PG_PORT, dbname="crm", user="crm", password="crm")
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute(sales.SETUP)
    conn.close()


@pytest.fixture(autouse=True)
def close_report_handles():
    yield
    while sales._CONNECTIONS:
        sales._CONNECTIONS.pop().close()
    while sales._HANDLES:
        sales._HANDLES.pop().close()


@pytest.fixture
def app_lifecycle():
    yield
    sales.shutdown()  # what the app's shutdown hook does


def test_emea_total(app_lifecycle):
    assert sales.region_total("emea") == 2000


@pytest.mark.failure(category="3", library="records", shape="raised", cause="database-closed-by-previous-test-teardown")
def test_apac_total():
    assert sales.region_total("apac") == 1500


@pytest.mark.failure(category="3", library="records", shape="raised", cause="too-many-clients-handle-per-region")
def test_region_breakdown():
    regions = ["emea", "apac", "amer", "latam", "mena", "nordics", "dach", "benelux", "iberia"]
    assert sum(sales.per_region_breakdown(regions).values()) == 4200


@pytest.fixture
def month_close_lock():
    conn = psycopg2.connect(host=PG_HOST, port=PG_PORT, dbname="crm", user="crm", password="crm")
    cur = conn.cursor()
    cur.execute("LOCK TABLE sales IN SHARE MODE")
    yield
    conn.rollback()
    conn.close()


@pytest.mark.failure(category="3", library="records", shape="assert", cause="lock-timeout-swallowed-by-transaction")
def test_correct_amount_during_month_close(month_close_lock):
    sales.db = __import__("records").Database(sales.URL)
    try:
        sales.correct_amount(1, 1250)
        amount = sales.db.query("SELECT amount_cents FROM sales WHERE id = 1").first().amount_cents
        assert amount == 1250
    finally:
        sales.db.close()


@pytest.mark.failure(category="other", library="records", shape="raised", cause="sql-syntax-error")
def test_top_reps():
    sales.db = __import__("records").Database(sales.URL)
    try:
        assert sales.top_reps(2) == ["kai", "lena"]
    finally:
        sales.db.close()


# -- APSW ledger ------------------------------------------------------------------------------------------------


@pytest.fixture
def ledger_path(tmp_path):
    path = str(tmp_path / "ledger.db")
    conn = ledger.open_ledger(path)
    ledger.init(conn)
    conn.close()
    return path


@pytest.fixture
def nightly_export(ledger_path):
    """The export job takes a write lock on the ledger file while it copies it."""
    conn = ledger.open_ledger(ledger_path)
    conn.execute("BEGIN IMMEDIATE")
    yield conn
    conn.execute("ROLLBACK")
    conn.close()


@pytest.mark.failure(category="3", library="apsw", shape="raised", cause="sqlite-busy-write-lock-held")
def test_record_sale_during_export(ledger_path, nightly_export):
    conn = ledger.open_ledger(ledger_path)
    ledger.record(conn, "till-1", 450)
    assert ledger.total(conn) == 450


@pytest.mark.failure(category="3", library="apsw", shape="chained", cause="sqlite-busy-write-lock-held")
def test_queue_refund_during_export(ledger_path, nightly_export):
    conn = ledger.open_ledger(ledger_path)
    ledger.record_or_queue(conn, "till-2", -120)
    assert ledger.total(conn) == -120


_shared = {}


@pytest.fixture
def terminal(ledger_path):
    if "conn" not in _shared:
        _shared["conn"] = ledger.open_ledger(ledger_path)
    yield _shared["conn"]
    _shared["conn"].close()


def test_first_sale_of_the_day(terminal):
    ledger.record(terminal, "till-1", 300)
    assert ledger.total(terminal) == 300


@pytest.mark.failure(category="3", library="apsw", shape="raised", cause="connection-closed-by-earlier-fixture-teardown")
def test_second_sale_of_the_day(terminal):
    ledger.record(terminal, "till-1", 200)
    assert ledger.total(terminal) == 500


@pytest.mark.failure(category="3", library="apsw", shape="raised", cause="sqlite-table-locked-by-pending-statement")
def test_purge_scratch_notes(ledger_path):
    conn = ledger.open_ledger(ledger_path)
    assert ledger.purge_scratch(conn) == 2


@pytest.mark.failure(category="other", library="apsw", shape="raised", cause="not-null-violation-app-passes-none")
def test_refund_without_terminal(ledger_path):
    conn = ledger.open_ledger(ledger_path)
    ledger.record_refund(conn, None, 99)
    assert ledger.total(conn) == -99


# -- dataset stock counts ----------------------------------------------------------------------------------------


@pytest.fixture
def stock_path(tmp_path):
    path = str(tmp_path / "stock.db")
    db = stock.open_db(path)
    stock.seed(db)
    db.close()
    return path


@pytest.fixture
def stocktake(stock_path):
    """The stocktake app keeps its transaction open while staff count the shelves."""
    db = stock.open_db(stock_path)
    db.begin()
    db["counts"].update({"sku": "MUG", "qty": 39}, ["sku"])
    yield db
    db.rollback()
    db.close()


@pytest.mark.failure(category="3", library="dataset", shape="raised", cause="sqlite-database-locked-open-transaction")
def test_adjust_kettles_during_stocktake(stock_path, stocktake):
    db = stock.open_db(stock_path)
    stock.adjust(db, "KETTLE", 6)
    assert stock.qty(db, "KETTLE") == 6


@pytest.mark.failure(category="3", library="dataset", shape="raised", cause="sqlite-database-locked-open-transaction")
def test_receive_new_sku_during_stocktake(stock_path, stocktake):
    db = stock.open_db(stock_path)
    db["counts"].insert({"sku": "TEAPOT", "qty": 5})
    assert stock.qty(db, "TEAPOT") == 5


@pytest.fixture
def archived_db(stock_path):
    db = stock.open_db(stock_path)
    stock.qty(db, "MUG")
    db.close()  # the archiver closed the shared handle
    return db


@pytest.mark.failure(category="3", library="dataset", shape="raised", cause="query-on-closed-database-handle")
def test_count_after_archiving(archived_db):
    assert stock.qty(archived_db, "MUG") == 40


@pytest.mark.failure(category="other", library="dataset", shape="raised", cause="column-key-typo")
def test_shelf_label(stock_path):
    db = stock.open_db(stock_path)
    assert stock.shelf_label(db, "MUG") == "MUG: 40"
