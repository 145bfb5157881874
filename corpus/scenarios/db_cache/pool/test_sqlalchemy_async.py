from __future__ import annotations

import asyncio

import pytest
import pytest_asyncio
from sqlalchemy import select, text, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

from db_cache.services.models import Account, Order, User
from db_cache.conftest import APP_DSN

sa_async_failure = lambda shape, cause: pytest.mark.failure(  # noqa: E731
    category="3", library="sqlalchemy-asyncio", dist="SQLAlchemy", shape=shape, cause=cause
)
pytestmark = pytest.mark.asyncio

ASYNCPG_URL = APP_DSN.replace("postgresql://", "postgresql+asyncpg://")
PSYCOPG_URL = APP_DSN.replace("postgresql://", "postgresql+psycopg://")


@pytest_asyncio.fixture
async def engine():
    eng = create_async_engine(ASYNCPG_URL, pool_size=2, max_overflow=0, pool_timeout=0.2)
    yield eng
    await eng.dispose()


@pytest_asyncio.fixture
async def SessionLocal(engine):
    return async_sessionmaker(engine, expire_on_commit=False)


async def order_count(session: AsyncSession, user_id: int) -> int:
    rows = await session.scalars(select(Order).where(Order.user_id == user_id))
    await asyncio.sleep(0.4)
    return len(rows.all())


@sa_async_failure("async", "queuepool-timeout")
async def test_dashboard_widgets_gathered(SessionLocal):
    async def widget(uid):
        async with SessionLocal() as session:
            return await order_count(session, uid)

    assert await asyncio.gather(widget(1), widget(2), widget(1)) == [2, 1, 2]


@sa_async_failure("async", "queuepool-timeout")
async def test_streaming_endpoint_sessions(SessionLocal):
    open_sessions = []
    for uid in (1, 2, 1):
        session = SessionLocal()  # a generator dependency that never reaches its finally
        open_sessions.append(session)
        await session.execute(select(User).where(User.id == uid))


@sa_async_failure("async", "queuepool-timeout")
async def test_psycopg_async_batch_jobs():
    eng = create_async_engine(PSYCOPG_URL, pool_size=1, max_overflow=1, pool_timeout=0.2)
    try:
        conns = [await eng.connect() for _ in range(3)]
        for c in conns:
            await c.execute(text("SELECT 1"))
    finally:
        await eng.dispose()


@sa_async_failure("assert", "connection-leak")
async def test_connections_returned_after_handler(engine, SessionLocal):
    session = SessionLocal()
    await session.execute(select(Account))
    # handler returns without `await session.close()`
    assert engine.pool.checkedout() == 0


@sa_async_failure("async", "deadlock")
async def test_async_reconcile_accounts(SessionLocal):
    async with SessionLocal() as s1, SessionLocal() as s2:
        await s1.execute(update(Account).where(Account.id == 1).values(balance=Account.balance + 1))
        await s2.execute(update(Account).where(Account.id == 3).values(balance=Account.balance + 1))
        await asyncio.gather(
            s1.execute(update(Account).where(Account.id == 3).values(balance=Account.balance - 1)),
            s2.execute(update(Account).where(Account.id == 1).values(balance=Account.balance - 1)),
        )


@sa_async_failure("async", "too-many-clients")
async def test_per_tenant_async_engines():
    engines = [create_async_engine(ASYNCPG_URL, pool_size=1) for _ in range(12)]
    conns = []
    try:
        for eng in engines:
            conns.append(await eng.connect())
    finally:
        for c in conns:
            await c.close()
        for eng in engines:
            await eng.dispose()


@sa_async_failure("timeout", "queuepool-wait")
@pytest.mark.timeout(1.5)
async def test_long_poll_waits_for_pool():
    eng = create_async_engine(ASYNCPG_URL, pool_size=1, max_overflow=0, pool_timeout=30)
    held = await eng.connect()
    try:
        async with eng.connect() as conn:
            await conn.execute(text("SELECT 1"))
    finally:
        await held.close()
        await eng.dispose()


class UpstreamUnavailable(Exception):
    pass


@sa_async_failure("chained", "queuepool-timeout")
async def test_async_search_endpoint_burst(SessionLocal):
    from sqlalchemy.exc import TimeoutError as SATimeout

    sessions = []

    async def search(term):
        session = SessionLocal()
        sessions.append(session)
        try:
            return (await session.execute(select(User).where(User.name.ilike(f"%{term}%")))).all()
        except SATimeout as exc:
            raise UpstreamUnavailable(f"search for {term!r} could not get a database connection") from exc

    for term in ("al", "bo", "ca"):
        await search(term)
