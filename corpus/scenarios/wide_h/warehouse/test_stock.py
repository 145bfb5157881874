import threading

import mysql.connector
import pytest

from . import stock
from .stock import bin_qty, connect, low_bins, open_session, pick, pool

_open = []


@pytest.fixture(scope="module", autouse=True)
def schema():
    stock.ensure_schema()
    yield
    for conn in _open:
        try:
            conn.close()
        except Exception:
            pass
    stock.engine.dispose()


@pytest.fixture
def picker_conn():
    conn = connect(user="picker", password="picker")
    _open.append(conn)
    return conn


@pytest.fixture
def session():
    s = open_session()
    _open.append(s)
    return s


def test_bin_quantity_lookup():
    assert bin_qty("A-01") == 40


def test_second_bin_quantity_lookup():
    assert bin_qty("A-02") == 15


@pytest.mark.failure(category="3", library="mysql-connector-python", shape="raised", cause="pooled-connections-never-returned")
def test_small_bin_quantity_lookup():
    assert bin_qty("B-07") == 3


@pytest.mark.failure(category="3", library="mysql-connector-python", shape="setup", cause="pooled-connections-never-returned")
def test_pick_from_pooled_connection(pooled):
    assert pick(pooled, "C-11", 1) == 7


@pytest.fixture
def pooled():
    conn = pool().get_connection()
    yield conn
    conn.close()


def test_picker_can_read(picker_conn):
    cur = picker_conn.cursor()
    cur.execute("SELECT COUNT(*) FROM bins")
    assert cur.fetchone() == (4,)


def test_picker_pick_without_commit(picker_conn):
    assert pick(picker_conn, "A-01", 5) == 35


@pytest.mark.failure(category="3", library="mysql-connector-python", shape="setup", cause="max-user-connections-exhausted")
def test_picker_second_pick(picker_conn):
    assert pick(picker_conn, "A-02", 1) == 14


@pytest.mark.failure(category="3", library="mysql-connector-python", shape="raised", cause="innodb-lock-wait-timeout")
def test_replenish_bin_a01():
    conn = connect()
    _open.append(conn)
    cur = conn.cursor()
    cur.execute("UPDATE bins SET qty = qty + 20 WHERE code = 'A-01'")
    conn.commit()


@pytest.mark.failure(category="3", library="mysql-connector-python", shape="assert", cause="innodb-lock-wait-timeout")
def test_stock_audit_adjustment():
    conn = connect()
    _open.append(conn)
    cur = conn.cursor()
    try:
        cur.execute("UPDATE bins SET qty = 36 WHERE code = 'A-01'")
        conn.commit()
        outcome = "adjusted"
    except mysql.connector.Error as exc:
        outcome = f"{exc.errno} {exc.msg}"
    assert outcome == "adjusted"


@pytest.mark.failure(category="3", library="mysql-connector-python", shape="raised", cause="innodb-deadlock-opposite-order-transfers")
def test_transfers_between_bins_run_concurrently():
    left, right = connect(), connect()
    _open.extend([left, right])
    left.cursor().execute("UPDATE bins SET qty = qty - 1 WHERE code = 'B-07'")
    right.cursor().execute("UPDATE bins SET qty = qty - 1 WHERE code = 'C-11'")
    blocked = threading.Thread(target=lambda: _swallow(left, "UPDATE bins SET qty = qty + 1 WHERE code = 'C-11'"), daemon=True)
    blocked.start()
    blocked.join(0.3)
    right.cursor().execute("UPDATE bins SET qty = qty + 1 WHERE code = 'B-07'")
    right.commit()


def _swallow(conn, sql):
    try:
        conn.cursor().execute(sql)
        conn.commit()
    except mysql.connector.Error:
        pass


@pytest.mark.failure(category="3", library="sqlalchemy-orm", shape="raised", cause="sessions-not-closed-queuepool-timeout")
def test_low_stock_report(session):
    assert low_bins(session, 10) == ["B-07", "C-11"]
    assert low_bins(open_session(), 20) == ["A-02", "B-07", "C-11"]
    assert low_bins(open_session(), 50) == ["A-01", "A-02", "B-07", "C-11"]


@pytest.fixture(scope="module")
def cycle_count_session():
    s = open_session()
    _open.append(s)
    return s


def test_cycle_count_corrects_bin(cycle_count_session):
    cycle_count_session.get(stock.Bin, "C-11").qty = 12
    cycle_count_session.flush()
    assert cycle_count_session.get(stock.Bin, "C-11").qty == 12


@pytest.mark.failure(category="3", library="sqlalchemy-orm", shape="chained", cause="module-scoped-session-holds-row-lock")
def test_replenish_bin_c11():
    stock.engine.dispose()
    with open_session() as s:
        s.get(stock.Bin, "C-11").qty += 10
        s.commit()
