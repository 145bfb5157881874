import asyncio
from decimal import Decimal

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from . import accounts


@pytest.fixture
async def engine(tmp_path):
    engine = accounts.make_engine(str(tmp_path / "ledger.db"))
    await accounts.create_schema(engine)
    yield engine
    await engine.dispose()


@pytest.fixture
async def replica(engine, tmp_path):
    # statements are read from the reporting replica (the same file in tests)
    replica = accounts.make_engine(str(tmp_path / "ledger.db"))
    yield replica
    await replica.dispose()


@pytest.fixture
def sessionmaker(engine):
    return async_sessionmaker(engine, expire_on_commit=False)


@pytest.fixture
async def session(sessionmaker):
    async with sessionmaker() as session:
        await accounts.open_wallet(session, "ada", Decimal("100.00"))
        await accounts.open_wallet(session, "grace", Decimal("40.00"))
        yield session


async def test_entry_updates_balance(session):
    await accounts.post_entry(session, "ada", Decimal("-20.00"))
    assert await accounts.balance_of(session, "ada") == Decimal("80.00")


@pytest.mark.failure(category="5", library="sqlalchemy", dist="sqlalchemy", shape="chained", cause="concurrent-operations-on-one-asyncsession")
async def test_monthly_statement(session, replica):
    async with AsyncSession(replica) as fresh:
        assert await accounts.statement(fresh, ["ada", "grace"]) == {"ada": Decimal("100.00"), "grace": Decimal("40.00")}


@pytest.mark.failure(category="5", library="sqlalchemy", dist="sqlalchemy", shape="assert", cause="fire-and-forget-task-not-finished")
async def test_payment_is_audited(session, sessionmaker):
    await accounts.pay(sessionmaker, "grace", Decimal("15.00"))
    assert await accounts.entry_count(session, "grace") == 2


@pytest.mark.failure(category="5", library="aiosqlite", dist="aiosqlite", shape="async", cause="asyncio-timeout-cancels-query")
async def test_yearly_report_within_deadline(session):
    assert await accounts.yearly_report(session, deadline=0.05) == 3000000


@pytest.mark.failure(category="5", library="sqlalchemy", dist="sqlalchemy", shape="raised", cause="asyncio-run-inside-running-loop")
async def test_totals_in_euro(session, engine):
    assert await accounts.totals(engine) == Decimal("140.00")


@pytest.mark.failure(category="5", library="sqlalchemy", dist="sqlalchemy", shape="raised", cause="concurrent-flush-on-one-asyncsession")
async def test_payroll_batch(session):
    await accounts.apply_batch(session, [("ada", Decimal("12.50"), "payroll"), ("grace", Decimal("7.50"), "payroll")])
    assert await accounts.balance_of(session, "grace") == Decimal("47.50")


@pytest.mark.failure(category="other", library="sqlalchemy", dist="sqlalchemy", shape="chained", cause="unique-owner-integrityerror")
async def test_reopen_wallet_after_closure(session):
    wallet = await accounts.open_wallet(session, "ada")
    assert wallet.balance == Decimal("0")


@pytest.mark.failure(category="other", library="decimal", dist=None, shape="assert", cause="rounding-half-even-vs-half-up")
async def test_split_bill_three_ways(session):
    share = (Decimal("100.00") / 3).quantize(Decimal("0.01"))
    for owner in ("ada", "grace"):
        await accounts.post_entry(session, owner, -share, memo="dinner")
    assert await accounts.balance_of(session, "ada") == Decimal("66.66")
