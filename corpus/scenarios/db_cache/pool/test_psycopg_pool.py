from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from psycopg_pool import AsyncConnectionPool, ConnectionPool, PoolTimeout

from db_cache.conftest import APP_DSN, REPORTING_DSN

pool_failure = lambda shape, cause: pytest.mark.failure(  # noqa: E731
    category="3", library="psycopg_pool", dist="psycopg-pool", shape=shape, cause=cause
)


class OrderService:
    def __init__(self, pool: ConnectionPool) -> None:
        self.pool = pool

    def count_orders(self, user_id: int) -> int:
        with self.pool.connection() as conn:
            return conn.execute("SELECT count(*) FROM orders WHERE user_id = %s", (user_id,)).fetchone()[0]

    def open_cursor_for_export(self):
        # returns a live connection to the caller, who is supposed to putconn() it
        conn = self.pool.getconn()
        return conn.execute("SELECT id, total FROM orders ORDER BY id")


class ServiceBusy(Exception):
    pass


@pytest.fixture
def pool():
    p = ConnectionPool(APP_DSN, min_size=1, max_size=2, timeout=0.3, name="orders-pool", open=True)
    yield p
    p.close(timeout=0.5)


@pool_failure("raised", "pool-timeout")
def test_export_then_count(pool):
    svc = OrderService(pool)
    exports = [svc.open_cursor_for_export() for _ in range(2)]
    assert svc.count_orders(1) == 2
    assert all(e.fetchall() for e in exports)


@pool_failure("raised", "pool-timeout")
def test_parallel_order_counts(pool):
    svc = OrderService(pool)
    gate = threading.Event()

    def slow_count(uid):
        with pool.connection() as conn:
            conn.execute("SELECT pg_sleep(0.6)")
            gate.set()
        return uid

    with ThreadPoolExecutor(max_workers=3) as ex:
        slow = [ex.submit(slow_count, u) for u in (1, 2)]
        gate.wait(0.1)
        fast = ex.submit(svc.count_orders, 1)
        assert fast.result() == 2
        [f.result() for f in slow]


@pool_failure("raised", "pool-too-many-requests")
def test_webhook_burst_is_queued():
    p = ConnectionPool(APP_DSN, min_size=1, max_size=1, timeout=2, max_waiting=1, name="webhooks")
    p.wait(timeout=2)
    try:
        with ThreadPoolExecutor(max_workers=4) as ex:
            def handle(i):
                with p.connection() as conn:
                    conn.execute("SELECT pg_sleep(0.3)")
                return i

            futures = [ex.submit(handle, i) for i in range(4)]
            assert [f.result() for f in futures] == [0, 1, 2, 3]
    finally:
        p.close(timeout=1)


@pytest.fixture
def reporting_pool():
    p = ConnectionPool(REPORTING_DSN, min_size=4, max_size=4, name="reporting", open=True)
    try:
        p.wait(timeout=1.0)
        yield p
    finally:
        p.close(timeout=0.5)


@pool_failure("setup", "pool-init-timeout")
def test_monthly_revenue_report(reporting_pool):
    with reporting_pool.connection() as conn:
        assert conn.execute("SELECT sum(total) FROM orders").fetchone()[0] > 0


def checkout_or_busy(pool):
    try:
        return pool.getconn()
    except PoolTimeout as exc:
        raise ServiceBusy("no database connection available for checkout") from exc


@pool_failure("chained", "pool-timeout")
def test_checkout_flow_multiple_carts(pool):
    held = [checkout_or_busy(pool) for _ in range(3)]
    for conn in held:
        pool.putconn(conn)


@pool_failure("assert", "connection-leak")
def test_pool_stats_after_export(pool):
    svc = OrderService(pool)
    svc.open_cursor_for_export().fetchall()
    stats = pool.get_stats()
    assert stats.get("pool_available", 0) == stats["pool_size"]


@pool_failure("timeout", "pool-wait")
@pytest.mark.timeout(1.5)
def test_nightly_job_waits_for_connection():
    p = ConnectionPool(APP_DSN, min_size=1, max_size=1, timeout=60, name="nightly")
    held = p.getconn()
    try:
        with p.connection() as conn:
            conn.execute("SELECT 1")
    finally:
        p.putconn(held)
        p.close(timeout=0.5)


@pool_failure("async", "pool-timeout")
@pytest.mark.asyncio
async def test_async_feed_builders():
    async with AsyncConnectionPool(APP_DSN, min_size=1, max_size=2, timeout=0.3, name="feed") as apool:
        async def build(uid):
            async with apool.connection() as conn:
                await conn.execute("SELECT pg_sleep(0.5)")
                return uid

        assert await asyncio.gather(*(build(u) for u in range(3))) == [0, 1, 2]


@pool_failure("async", "pool-timeout")
@pytest.mark.asyncio
async def test_async_session_middleware_releases():
    apool = AsyncConnectionPool(APP_DSN, min_size=1, max_size=1, timeout=0.2, name="api", open=False)
    await apool.open()
    try:
        request_conn = await apool.getconn()  # middleware acquires, handler raises, release is skipped
        await request_conn.execute("SELECT 1")
        async with apool.connection() as conn:
            await conn.execute("SELECT 2")
    finally:
        await apool.close(timeout=0.5)


@pool_failure("raised", "pool-closed")
def test_background_refresh_after_shutdown():
    p = ConnectionPool(APP_DSN, min_size=1, max_size=2, name="refresh")
    svc = OrderService(p)
    p.close()
    assert svc.count_orders(2) == 1
