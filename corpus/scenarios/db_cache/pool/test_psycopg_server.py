from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import psycopg
import pytest
from psycopg import errors

from db_cache.services.billing import TransferError, reserve_stock, safe_transfer, transfer
from db_cache.conftest import ADMIN_DSN, ANALYTICS_DSN, APP_DSN, REPORTING_DSN

pg_failure = lambda shape, cause: pytest.mark.failure(  # noqa: E731
    category="3", library="psycopg", dist="psycopg", shape=shape, cause=cause
)


class ConnectionRegistry:
    """What the worker process keeps: one connection per tenant, never closed until shutdown."""

    def __init__(self, dsn: str) -> None:
        self.dsn = dsn
        self.by_tenant: dict[str, psycopg.Connection] = {}

    def for_tenant(self, tenant: str) -> psycopg.Connection:
        if tenant not in self.by_tenant:
            self.by_tenant[tenant] = psycopg.connect(self.dsn, application_name=f"tenant-{tenant}")
        return self.by_tenant[tenant]

    def close_all(self) -> None:
        for conn in self.by_tenant.values():
            conn.close()


@pytest.fixture
def registry():
    reg = ConnectionRegistry(APP_DSN)
    yield reg
    reg.close_all()


@pg_failure("raised", "too-many-clients")
def test_tenant_connections_for_onboarding_batch(registry):
    for n in range(12):
        registry.for_tenant(f"acme-{n}").execute("SELECT 1")


@pg_failure("raised", "too-many-clients")
def test_admin_maintenance_jobs_run_concurrently():
    conns = []
    try:
        for _ in range(14):
            conns.append(psycopg.connect(ADMIN_DSN, application_name="vacuum-job"))
    finally:
        for c in conns:
            c.close()


@pg_failure("raised", "too-many-clients")
def test_reporting_dashboard_widgets_load():
    widgets = ["revenue", "signups", "churn"]
    conns = {}
    try:
        for w in widgets:
            conns[w] = psycopg.connect(REPORTING_DSN, application_name=f"widget-{w}")
            conns[w].execute("SELECT count(*) FROM orders")
    finally:
        for c in conns.values():
            c.close()


@pg_failure("raised", "too-many-clients")
def test_analytics_export_per_partition():
    conns = []
    try:
        for partition in range(4):
            conn = psycopg.connect(ANALYTICS_DSN)
            conns.append(conn)
            conn.execute("SELECT %s::int", (partition,))
    finally:
        for c in conns:
            c.close()


@pg_failure("raised", "deadlock")
def test_opposite_transfers_settle():
    barrier = threading.Barrier(2)
    with ThreadPoolExecutor(max_workers=2) as pool:
        a = pool.submit(transfer, APP_DSN, 1, 2, Decimal("10"), barrier)
        b = pool.submit(transfer, APP_DSN, 2, 1, Decimal("5"), barrier)
        a.result()
        b.result()


@pg_failure("chained", "deadlock")
def test_payout_batch_transfers():
    barrier = threading.Barrier(2)
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = [
            pool.submit(safe_transfer, APP_DSN, 3, 1, Decimal("1"), barrier),
            pool.submit(safe_transfer, APP_DSN, 1, 3, Decimal("2"), barrier),
        ]
        for f in futures:
            f.result()


@pytest.fixture
def locked_inventory():
    holder = psycopg.connect(APP_DSN)
    holder.execute("SELECT * FROM inventory WHERE sku = 'SKU-1' FOR UPDATE")
    yield holder
    holder.rollback()
    holder.close()


@pg_failure("raised", "lock-not-available")
def test_checkout_reserves_stock(locked_inventory):
    with psycopg.connect(APP_DSN) as conn:
        assert reserve_stock(conn, "SKU-1", 2) == 8


@pg_failure("raised", "lock-timeout")
def test_restock_job_with_lock_timeout(locked_inventory):
    with psycopg.connect(APP_DSN) as conn:
        conn.execute("SET lock_timeout = '200ms'")
        conn.execute("UPDATE inventory SET qty = qty + 5 WHERE sku = 'SKU-1'")
        conn.commit()


@pg_failure("raised", "statement-timeout-on-lock")
def test_inventory_report_statement_timeout(locked_inventory):
    with psycopg.connect(APP_DSN, options="-c statement_timeout=250") as conn:
        conn.execute("LOCK TABLE inventory IN ACCESS EXCLUSIVE MODE")


@pg_failure("timeout", "row-lock-wait")
@pytest.mark.timeout(1.5)
def test_adjust_stock_waits_on_row_lock(locked_inventory):
    with psycopg.connect(APP_DSN) as conn:
        conn.execute("UPDATE inventory SET qty = 0 WHERE sku = 'SKU-1'")
        conn.commit()


@pg_failure("raised", "idle-in-transaction-timeout")
def test_worker_connection_after_idle_transaction():
    conn = psycopg.connect(APP_DSN, options="-c idle_in_transaction_session_timeout=200")
    try:
        conn.execute("SELECT balance FROM accounts WHERE id = 1 FOR UPDATE")
        time.sleep(0.6)  # the job "waits for the payment provider" while holding the transaction open
        conn.execute("UPDATE accounts SET balance = balance + 1 WHERE id = 1")
        conn.commit()
    finally:
        conn.close()


@pg_failure("raised", "serialization-failure")
def test_concurrent_order_totals_serializable():
    a = psycopg.connect(APP_DSN)
    b = psycopg.connect(APP_DSN)
    try:
        for c in (a, b):
            c.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            c.execute("SELECT total FROM orders WHERE id = 1").fetchone()
        a.execute("UPDATE orders SET total = total + 1 WHERE id = 1")
        a.commit()
        b.execute("UPDATE orders SET total = total + 2 WHERE id = 1")
        b.commit()
    finally:
        a.close()
        b.close()


@pg_failure("async", "deadlock")
@pytest.mark.asyncio
async def test_async_ledger_rebalance():
    import asyncio

    a = await psycopg.AsyncConnection.connect(APP_DSN)
    b = await psycopg.AsyncConnection.connect(APP_DSN)
    try:
        await a.execute("UPDATE accounts SET balance = balance - 1 WHERE id = 2")
        await b.execute("UPDATE accounts SET balance = balance - 1 WHERE id = 3")

        async def second(conn, row):
            await conn.execute("UPDATE accounts SET balance = balance + 1 WHERE id = %s", (row,))

        await asyncio.gather(second(a, 3), second(b, 2))
    finally:
        await a.close()
        await b.close()


@pg_failure("async", "too-many-clients")
@pytest.mark.asyncio
async def test_async_fanout_notifications():
    import asyncio

    conns = []
    try:
        async def open_and_notify(i):
            conn = await psycopg.AsyncConnection.connect(APP_DSN, autocommit=True)
            conns.append(conn)
            await conn.execute("SELECT pg_notify('events', %s)", (str(i),))

        results = await asyncio.gather(*(open_and_notify(i) for i in range(12)), return_exceptions=True)
        failures = [r for r in results if isinstance(r, Exception)]
        if failures:
            raise failures[0]
    finally:
        for c in conns:
            await c.close()


@pytest.fixture(scope="module")
def warm_workers():
    # session-long connections of "background workers", started once for the module
    conns = [psycopg.connect(APP_DSN, application_name=f"worker-{i}") for i in range(9)]
    yield conns
    for c in conns:
        c.close()


@pytest.fixture
def conn(warm_workers):
    with psycopg.connect(APP_DSN) as c:
        yield c


@pg_failure("setup", "too-many-clients")
def test_list_orders_for_user(conn):
    rows = conn.execute("SELECT id FROM orders WHERE user_id = 1").fetchall()
    assert len(rows) == 2
