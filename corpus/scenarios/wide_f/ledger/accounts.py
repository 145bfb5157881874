"""Customer wallet ledger on SQLAlchemy's asyncio extension (aiosqlite in tests, the same models in production)."""

from __future__ import annotations

import asyncio
from decimal import Decimal

from sqlalchemy import ForeignKey, Numeric, String, func, select, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Wallet(Base):
    __tablename__ = "wallets"
    id: Mapped[int] = mapped_column(primary_key=True)
    owner: Mapped[str] = mapped_column(String(64), unique=True)
    balance: Mapped[Decimal] = mapped_column(Numeric(12, 2), default=Decimal("0"))


class Entry(Base):
    __tablename__ = "entries"
    id: Mapped[int] = mapped_column(primary_key=True)
    wallet_id: Mapped[int] = mapped_column(ForeignKey("wallets.id"))
    amount: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    memo: Mapped[str] = mapped_column(String(120), default="")


def make_engine(path: str):
    return create_async_engine(f"sqlite+aiosqlite:///{path}")


async def create_schema(engine) -> None:
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)


async def open_wallet(session: AsyncSession, owner: str, balance: Decimal = Decimal("0")) -> Wallet:
    wallet = Wallet(owner=owner, balance=balance)
    session.add(wallet)
    await session.commit()
    return wallet


async def balance_of(session: AsyncSession, owner: str) -> Decimal:
    return (await session.execute(select(Wallet.balance).where(Wallet.owner == owner))).scalar_one()


async def post_entry(session: AsyncSession, owner: str, amount: Decimal, memo: str = "") -> None:
    wallet = (await session.execute(select(Wallet).where(Wallet.owner == owner))).scalar_one()
    session.add(Entry(wallet_id=wallet.id, amount=amount, memo=memo))
    wallet.balance = wallet.balance + amount
    await session.flush()


async def apply_batch(session: AsyncSession, entries: list[tuple[str, Decimal, str]]) -> None:
    await asyncio.gather(*(post_entry(session, owner, amount, memo) for owner, amount, memo in entries))
    await session.commit()


async def statement(session: AsyncSession, owners: list[str]) -> dict[str, Decimal]:
    balances = await asyncio.gather(*(balance_of(session, o) for o in owners))
    return dict(zip(owners, balances))


_pending_audits: set[asyncio.Task] = set()


async def _audit(sessionmaker: async_sessionmaker, owner: str, amount: Decimal) -> None:
    async with sessionmaker() as session:
        await post_entry(session, owner, Decimal("0"), memo=f"audit {amount}")
        await session.commit()


async def pay(sessionmaker: async_sessionmaker, owner: str, amount: Decimal) -> None:
    async with sessionmaker() as session:
        await post_entry(session, owner, -amount, memo="payment")
        await session.commit()
    task = asyncio.create_task(_audit(sessionmaker, owner, amount))
    _pending_audits.add(task)
    task.add_done_callback(_pending_audits.discard)


async def entry_count(session: AsyncSession, owner: str) -> int:
    stmt = select(func.count(Entry.id)).join(Wallet, Wallet.id == Entry.wallet_id).where(Wallet.owner == owner)
    return (await session.execute(stmt)).scalar_one()


async def yearly_report(session: AsyncSession, deadline: float) -> int:
    # recursive CTE over a year of synthetic days, joined to itself for the rolling sum
    query = text(
        "WITH RECURSIVE d(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM d WHERE n < 3000000) "
        "SELECT count(*) FROM d"
    )
    async with asyncio.timeout(deadline):
        return (await session.execute(query)).scalar_one()


def _sync_totals(connection) -> Decimal:
    from . import reporting

    return reporting.totals_blocking(connection)


async def totals(engine) -> Decimal:
    async with engine.connect() as conn:
        return await conn.run_sync(_sync_totals)
