from __future__ import annotations

from decimal import Decimal

import pytest

from .repository import (
    async_invoice_total,
    customers_with_debt,
    database_version,
    health,
    invoice_count,
    legacy_export,
    make_engine,
    mark_paid,
    outstanding_total,
    recent_invoices,
)


@pytest.mark.failure(category="other", library="psycopg", dist="psycopg", shape="raised", cause="db-server-unavailable")
def test_outstanding_total_for_new_customer(database_url):
    assert outstanding_total(database_url, "acme") == Decimal("0")


@pytest.mark.failure(category="other", library="psycopg", dist="psycopg", shape="raised", cause="db-server-unavailable")
def test_outstanding_total_uses_local_socket():
    # developers run the suite against their local PostgreSQL over the default unix socket
    assert outstanding_total("dbname=billing_test user=billing port=5499", "acme") == Decimal("0")


@pytest.mark.failure(category="other", library="psycopg", dist="psycopg", shape="setup", cause="db-server-unavailable")
def test_insert_invoice_in_transaction(db_conn):
    db_conn.execute("INSERT INTO invoices (customer, amount) VALUES (%s, %s)", ("acme", Decimal("12.50")))
    assert db_conn.execute("SELECT count(*) FROM invoices").fetchone()[0] == 1


@pytest.mark.failure(category="other", library="psycopg", dist="psycopg", shape="async", cause="db-server-unavailable")
@pytest.mark.asyncio
async def test_recent_invoices_newest_first(database_url):
    rows = await recent_invoices(database_url, limit=5)
    assert [r.id for r in rows] == sorted((r.id for r in rows), reverse=True)


@pytest.mark.failure(category="other", library="psycopg", dist="psycopg", shape="assert", cause="db-server-unavailable")
def test_health_endpoint_reports_database_ok(database_url):
    assert health(database_url) == {"database": "ok"}


@pytest.mark.failure(category="other", library="psycopg2", dist="psycopg2-binary", shape="chained", cause="db-server-unavailable")
def test_nightly_export_contains_all_invoices(database_url):
    assert len(legacy_export(database_url)) >= 0


@pytest.mark.failure(category="other", library="psycopg2", dist="psycopg2-binary", shape="raised", cause="db-server-unavailable")
def test_mark_invoice_paid(database_url):
    mark_paid(database_url, 1)


@pytest.mark.failure(category="other", library="asyncpg", shape="async", cause="db-server-unavailable")
@pytest.mark.asyncio
async def test_invoice_count_starts_at_zero(database_url):
    assert await invoice_count(database_url) == 0


@pytest.mark.failure(category="other", library="asyncpg", shape="setup", cause="db-server-unavailable")
@pytest.mark.asyncio
async def test_pool_fetches_invoice_ids(pg_pool):
    async with pg_pool.acquire() as conn:
        ids = await conn.fetch("SELECT id FROM invoices")
    assert ids == []


@pytest.mark.failure(category="other", library="sqlalchemy", dist="SQLAlchemy", shape="raised", cause="db-server-unavailable")
def test_database_version_is_postgres_16(database_url):
    engine = make_engine(database_url.replace("postgresql://", "postgresql+psycopg2://"))
    assert "PostgreSQL 16" in database_version(engine)


@pytest.mark.failure(category="other", library="sqlalchemy", dist="SQLAlchemy", shape="setup", cause="db-server-unavailable")
def test_customers_with_debt_sorted(migrated_engine):
    assert customers_with_debt(migrated_engine) == []


@pytest.mark.failure(category="other", library="sqlalchemy", dist="SQLAlchemy", shape="async", cause="db-server-unavailable")
@pytest.mark.asyncio
async def test_async_invoice_total(database_url):
    total = await async_invoice_total(database_url.replace("postgresql://", "postgresql+asyncpg://"))
    assert total == Decimal("0")
