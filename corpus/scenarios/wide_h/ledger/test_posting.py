import pytest

from . import db
from .db import account_balance, post_entry

_held = []


@pytest.fixture(scope="module", autouse=True)
def schema():
    db.create_schema()
    yield
    for conn in _held:
        conn.close()


def test_post_revenue_entry():
    conn, entry_id = post_entry("4000", "10.00")
    conn.commit()
    _held.append(conn)
    assert entry_id > 0


def test_post_expense_entry():
    conn, entry_id = post_entry("5100", "-12.00")
    conn.commit()
    _held.append(conn)
    assert entry_id > 3


@pytest.mark.failure(category="3", library="DBUtils", shape="raised", cause="pooled-db-connections-held-by-earlier-tests")
def test_post_refund_entry():
    conn, entry_id = post_entry("4000", "-5.00")
    conn.commit()
    assert entry_id > 0


@pytest.fixture
def posted_adjustment():
    conn, entry_id = post_entry("4900", "3.10")
    conn.commit()
    conn.close()
    return entry_id


@pytest.mark.failure(category="3", library="DBUtils", shape="setup", cause="pooled-db-connections-held-by-earlier-tests")
def test_adjustment_appears_in_balance(posted_adjustment):
    assert account_balance("4900") == "3.10"


@pytest.fixture(scope="module")
def statement_conn():
    conn = db.statement_pool.connection()
    yield conn
    conn.close()


def test_statement_header(statement_conn):
    cur = statement_conn.cursor()
    cur.execute("SELECT COUNT(DISTINCT account) FROM journal")
    assert cur.fetchone()[0] == 2


@pytest.mark.timeout(2)
@pytest.mark.failure(category="3", library="DBUtils", shape="timeout", cause="blocking-pool-waits-for-unreturned-connection")
def test_balance_for_expense_account():
    assert account_balance("5100") == "-57.50"
