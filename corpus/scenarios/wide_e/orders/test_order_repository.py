import threading
import time

import pymysql
import pytest

from . import repository
from .repository import OrderRepository


def test_status_of_open_order(repo):
    assert repo.status(1) == "open"


@pytest.fixture
def back_office_lock():
    """The back-office session that reviews order 2 (it selects FOR UPDATE and keeps the transaction open)."""
    office = repository.connect()
    with office.cursor() as cur:
        cur.execute("SELECT * FROM orders WHERE id = 2 FOR UPDATE")
    yield office
    office.rollback()
    office.close()


@pytest.mark.failure(category="3", library="pymysql", shape="raised", cause="innodb-lock-wait-timeout-open-tx")
def test_mark_order_paid(repo, back_office_lock):
    repo.mark_paid(2)
    assert repo.status(2) == "paid"


@pytest.mark.failure(category="3", library="pymysql", shape="raised", cause="innodb-deadlock-lock-order")
def test_concurrent_reservations(conn):
    warehouse = repository.connect()
    heavy_done = threading.Event()
    errors = []

    def warehouse_job():
        try:
            with warehouse.cursor() as cur:
                cur.execute("SELECT qty FROM stock WHERE sku = 'TOASTER' FOR UPDATE")
                cur.execute("UPDATE stock SET qty = qty + 0 WHERE sku = 'MUG'")
                heavy_done.set()
                cur.execute("SELECT qty FROM stock WHERE sku = 'KETTLE' FOR UPDATE")
            warehouse.commit()
        except pymysql.err.Error as exc:  # pragma: no cover - the web request is the victim
            errors.append(exc)
            warehouse.rollback()

    with conn.cursor() as cur:
        cur.execute("SELECT qty FROM stock WHERE sku = 'KETTLE' FOR UPDATE")
    worker = threading.Thread(target=warehouse_job)
    worker.start()
    heavy_done.wait(5)
    time.sleep(0.3)
    try:
        repository.reserve(conn, "KETTLE", "TOASTER", 1)
    finally:
        worker.join(5)
        warehouse.close()
    assert not errors


@pytest.mark.failure(category="3", library="pymysql", shape="raised", cause="too-many-connections-leaked-per-request")
def test_dashboard_counts_open_orders():
    counts = repository.open_order_count_per_request(16)
    assert set(counts) == {2}


@pytest.fixture
def reporting_widgets():
    """One read-only connection per reporting widget on the dashboard."""
    widgets = [repository.connect(user="report", password="report") for _ in range(3)]
    yield widgets
    for w in widgets:
        w.close()


@pytest.mark.failure(category="3", library="pymysql", shape="setup", cause="max-user-connections-exceeded")
def test_revenue_widget(reporting_widgets):
    with reporting_widgets[0].cursor() as cur:
        cur.execute("SELECT SUM(total_cents) FROM orders")
        assert cur.fetchone()[0] == 6690


@pytest.fixture(scope="module")
def idle_repo():
    """Module-wide connection; the server's idle timeout is short in this environment."""
    c = repository.connect()
    with c.cursor() as cur:
        cur.execute("SET SESSION wait_timeout = 1")
    yield OrderRepository(c)
    try:
        c.close()
    except pymysql.err.Error:
        pass


def test_first_status_lookup(idle_repo):
    assert idle_repo.status(3) == "paid"


@pytest.mark.failure(category="3", library="pymysql", shape="raised", cause="server-closed-idle-connection-wait-timeout")
def test_status_after_report_rendering(idle_repo):
    time.sleep(2.5)  # rendering the PDF report
    assert idle_repo.status(1) == "open"


@pytest.mark.failure(category="3", library="pymysql", shape="chained", cause="connection-killed-by-server")
def test_status_after_failover(repo, admin):
    repo.status(1)
    with admin.cursor() as cur:
        cur.execute("KILL CONNECTION %s", (repo.conn.thread_id(),))
    time.sleep(0.2)
    assert repo.safe_status(1) == "open"


@pytest.fixture
def migration_reader():
    """An analytics transaction that read the orders table and is still open."""
    reader = repository.connect()
    with reader.cursor() as cur:
        cur.execute("SELECT COUNT(*) FROM orders")
    yield reader
    reader.rollback()
    reader.close()


@pytest.fixture
def killer(admin):
    ids = []
    yield ids
    with admin.cursor() as cur:
        for thread_id in ids:
            try:
                cur.execute("KILL %s", (thread_id,))
            except pymysql.err.Error:
                pass


@pytest.mark.timeout(2)
@pytest.mark.failure(category="3", library="pymysql", shape="timeout", cause="metadata-lock-wait-ddl-blocked")
def test_add_discount_column(conn, migration_reader, killer):
    killer.append(conn.thread_id())
    with conn.cursor() as cur:
        cur.execute("ALTER TABLE orders ADD COLUMN discount_cents INT NOT NULL DEFAULT 0")
        cur.execute("SELECT discount_cents FROM orders WHERE id = 1")
        assert cur.fetchone()[0] == 0


# -- plain bugs in the repository's SQL or in the test's expectations ------------------------------------------


@pytest.mark.failure(category="other", library="pymysql", shape="raised", cause="sql-syntax-typo")
def test_open_orders_for_customer(repo):
    assert repo.open_orders("ines") == [1]


@pytest.mark.failure(category="other", library="pymysql", shape="raised", cause="unknown-column-typo")
def test_rename_customer(repo):
    repo.rename_customer(2, "omar k.")
    assert repo.status(2) == "open"


@pytest.mark.failure(category="other", library="pymysql", shape="raised", cause="duplicate-insert-unique-key")
def test_add_two_kettles(repo):
    repo.add_line(1, "KETTLE", 1)
    repo.add_line(1, "KETTLE", 1)
    assert repo.lines(1) == (("KETTLE", 2),)


@pytest.mark.failure(category="other", library="pymysql", shape="assert", cause="wrong-expected-sum")
def test_totals_by_customer(repo):
    totals = repo.totals_by_customer()
    assert totals == {"ines": 4200, "omar": 1500, "pia": 9900}


@pytest.fixture
def nightly_cleanup(admin):
    """After each checkout test the nightly job purges the test's order lines (with its own connection)."""
    yield
    purge = repository.connect()
    try:
        with purge.cursor() as cur:
            cur.execute("DELETE FROM order_lines WHERE order_id = 3")
        purge.commit()
    finally:
        purge.close()


@pytest.mark.failure(category="3", library="pymysql", shape="teardown", cause="uncommitted-transaction-blocks-cleanup")
def test_add_mug_to_paid_order(repo, nightly_cleanup):
    with repo.conn.cursor() as cur:
        cur.execute("INSERT INTO order_lines (order_id, sku, qty) VALUES (3, 'MUG', 2)")
        cur.execute("SELECT qty FROM order_lines WHERE order_id = 3 AND sku = 'MUG'")
        assert cur.fetchone()[0] == 2
