from __future__ import annotations

import asyncio

import asyncpg
import pytest
import pytest_asyncio

from db_cache.conftest import ADMIN_DSN, APP_DSN, REPORTING_DSN

apg_failure = lambda shape, cause: pytest.mark.failure(  # noqa: E731
    category="3", library="asyncpg", dist="asyncpg", shape=shape, cause=cause
)
pytestmark = pytest.mark.asyncio


class FeedRepository:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def recent_orders(self, user_id: int, timeout: float | None = 0.3):
        async with self.pool.acquire(timeout=timeout) as conn:
            await conn.execute("SELECT pg_sleep(0.4)")
            return await conn.fetch("SELECT id, total FROM orders WHERE user_id = $1", user_id)


@pytest_asyncio.fixture
async def pool():
    p = await asyncpg.create_pool(APP_DSN, min_size=1, max_size=2)
    yield p
    p.terminate()


@apg_failure("async", "pool-acquire-timeout")
async def test_home_feed_concurrent_users(pool):
    repo = FeedRepository(pool)
    feeds = await asyncio.gather(*(repo.recent_orders(uid) for uid in (1, 2, 1)))
    assert len(feeds) == 3


@apg_failure("async", "pool-acquire-timeout")
async def test_websocket_handlers_hold_connections(pool):
    held = [await pool.acquire() for _ in range(2)]  # one per open socket, released on disconnect
    try:
        async with pool.acquire(timeout=0.2) as conn:
            assert await conn.fetchval("SELECT count(*) FROM users") == 2
    finally:
        for c in held:
            await pool.release(c)


@apg_failure("async", "too-many-clients")
async def test_per_request_connections_under_load():
    conns = []
    try:
        async def handler(i):
            conn = await asyncpg.connect(APP_DSN)
            conns.append(conn)
            return await conn.fetchval("SELECT $1::int", i)

        results = await asyncio.gather(*(handler(i) for i in range(12)), return_exceptions=True)
        errors = [r for r in results if isinstance(r, BaseException)]
        if errors:
            raise errors[0]
        assert sorted(results) == list(range(12))
    finally:
        await asyncio.gather(*(c.close() for c in conns))


@apg_failure("async", "too-many-clients")
async def test_admin_console_sessions():
    conns = []
    try:
        for _ in range(14):
            conns.append(await asyncpg.connect(ADMIN_DSN))
    finally:
        for c in conns:
            await c.close()


@apg_failure("async", "too-many-clients")
async def test_reporting_pool_min_size():
    p = await asyncpg.create_pool(REPORTING_DSN, min_size=3, max_size=5)
    try:
        assert await p.fetchval("SELECT count(*) FROM orders") == 3
    finally:
        p.terminate()


@apg_failure("async", "deadlock")
async def test_concurrent_refunds_are_applied():
    a = await asyncpg.connect(APP_DSN)
    b = await asyncpg.connect(APP_DSN)
    ta, tb = a.transaction(), b.transaction()
    await ta.start()
    await tb.start()
    try:
        await a.execute("UPDATE accounts SET balance = balance + 3 WHERE id = 1")
        await b.execute("UPDATE accounts SET balance = balance + 4 WHERE id = 2")
        await asyncio.gather(
            a.execute("UPDATE accounts SET balance = balance - 3 WHERE id = 2"),
            b.execute("UPDATE accounts SET balance = balance - 4 WHERE id = 1"),
        )
    finally:
        await a.close()
        await b.close()


@apg_failure("async", "lock-not-available")
async def test_claim_next_job_nowait(pool):
    async with pool.acquire() as worker1, pool.acquire() as worker2:
        async with worker1.transaction():
            await worker1.fetchrow("SELECT * FROM inventory WHERE sku = 'SKU-2' FOR UPDATE")
            async with worker2.transaction():
                row = await worker2.fetchrow("SELECT * FROM inventory WHERE sku = 'SKU-2' FOR UPDATE NOWAIT")
                assert row["qty"] == 3


@apg_failure("async", "lock-timeout")
async def test_schema_migration_lock_timeout(pool):
    async with pool.acquire() as reader, pool.acquire() as migrator:
        async with reader.transaction():
            await reader.fetch("SELECT * FROM users")
            await migrator.execute("SET lock_timeout = '150ms'")
            await migrator.execute("ALTER TABLE users ADD COLUMN last_login timestamptz")


class DatabaseUnavailable(Exception):
    pass


async def fetch_user(pool, user_id):
    try:
        async with pool.acquire(timeout=0.2) as conn:
            return await conn.fetchrow("SELECT * FROM users WHERE id = $1", user_id)
    except asyncio.TimeoutError as exc:
        raise DatabaseUnavailable(f"timed out acquiring connection for user {user_id}") from exc


@apg_failure("chained", "pool-acquire-timeout")
async def test_profile_fetch_during_bulk_import(pool):
    importers = [await pool.acquire() for _ in range(2)]
    try:
        assert (await fetch_user(pool, 1))["email"] == "alice@example.com"
    finally:
        for c in importers:
            await pool.release(c)


@apg_failure("timeout", "pool-acquire-wait")
@pytest.mark.timeout(1.5)
async def test_background_sync_waits_forever(pool):
    held = [await pool.acquire() for _ in range(2)]
    try:
        async with pool.acquire() as conn:
            await conn.execute("SELECT 1")
    finally:
        for c in held:
            await pool.release(c)


@pytest_asyncio.fixture
async def busy_pool():
    p = await asyncpg.create_pool(APP_DSN, min_size=1, max_size=1)
    leaked = await p.acquire()  # a "listener" connection that the fixture never gives back
    await leaked.add_listener("events", lambda *a: None)
    yield p
    p.terminate()


@pytest_asyncio.fixture
async def tx_conn(busy_pool):
    conn = await busy_pool.acquire(timeout=0.3)
    tr = conn.transaction()
    await tr.start()
    yield conn
    await tr.rollback()
    await busy_pool.release(conn)


@apg_failure("setup", "pool-acquire-timeout")
async def test_insert_order_in_transaction(tx_conn):
    await tx_conn.execute("INSERT INTO orders (user_id, total) VALUES (2, 9.99)")
