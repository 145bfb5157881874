"""Invoice storage on PostgreSQL (psycopg 3, psycopg2, asyncpg and SQLAlchemy flavours used by different services)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import asyncpg
import psycopg
import psycopg2
from sqlalchemy import Column, Integer, MetaData, Numeric, String, Table, create_engine, select, text
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.orm import Session

metadata = MetaData()
invoices = Table(
    "invoices",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("customer", String(80), nullable=False),
    Column("amount", Numeric(10, 2), nullable=False),
)


class BillingUnavailable(RuntimeError):
    """The billing database cannot be reached."""


@dataclass
class Invoice:
    id: int
    customer: str
    amount: Decimal


def open_connection(dsn: str) -> psycopg.Connection:
    return psycopg.connect(dsn, connect_timeout=2)


def outstanding_total(dsn: str, customer: str) -> Decimal:
    with psycopg.connect(dsn, connect_timeout=2) as conn:
        row = conn.execute(
            "SELECT coalesce(sum(amount), 0) FROM invoices WHERE customer = %s AND paid_at IS NULL", (customer,)
        ).fetchone()
    return row[0]


async def recent_invoices(dsn: str, limit: int = 10) -> list[Invoice]:
    async with await psycopg.AsyncConnection.connect(dsn, connect_timeout=2) as conn:
        cur = await conn.execute("SELECT id, customer, amount FROM invoices ORDER BY id DESC LIMIT %s", (limit,))
        return [Invoice(*row) for row in await cur.fetchall()]


def legacy_export(dsn: str) -> list[tuple]:
    """The nightly export still runs on psycopg2."""
    try:
        conn = psycopg2.connect(dsn, connect_timeout=2)
    except psycopg2.OperationalError as exc:
        raise BillingUnavailable("billing database is unreachable, export aborted") from exc
    with conn, conn.cursor() as cur:
        cur.execute("SELECT id, customer, amount FROM invoices")
        return cur.fetchall()


def mark_paid(dsn: str, invoice_id: int) -> None:
    conn = psycopg2.connect(dsn, connect_timeout=2)
    with conn, conn.cursor() as cur:
        cur.execute("UPDATE invoices SET paid_at = now() WHERE id = %s", (invoice_id,))


async def invoice_count(dsn: str) -> int:
    conn = await asyncpg.connect(dsn, timeout=2)
    try:
        return await conn.fetchval("SELECT count(*) FROM invoices")
    finally:
        await conn.close()


def make_engine(url: str):
    return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 2})


def customers_with_debt(engine) -> list[str]:
    with Session(engine) as session:
        rows = session.execute(select(invoices.c.customer).where(invoices.c.amount > 0).distinct())
        return sorted(r.customer for r in rows)


def database_version(engine) -> str:
    with engine.connect() as conn:
        return conn.execute(text("SELECT version()")).scalar_one()


async def async_invoice_total(url: str) -> Decimal:
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            result = await conn.execute(select(invoices.c.amount))
            return sum((r.amount for r in result), Decimal("0"))
    finally:
        await engine.dispose()


def health(dsn: str) -> dict[str, str]:
    try:
        with psycopg.connect(dsn, connect_timeout=2) as conn:
            conn.execute("SELECT 1")
    except psycopg.OperationalError as exc:
        return {"database": "down", "detail": str(exc).strip().splitlines()[0]}
    return {"database": "ok"}
