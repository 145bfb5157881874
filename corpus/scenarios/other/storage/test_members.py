from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.orm import Session

from .models import Invoice, Member, add_member, members_on_plan, migrated_engine, open_audit_log, recent_actions, record_login


@pytest.fixture
def session():
    engine = migrated_engine()
    with Session(engine) as s:
        yield s
    engine.dispose()


@pytest.fixture
def stale_session():
    engine = migrated_engine(upto="0003")
    with Session(engine) as s:
        yield s
    engine.dispose()


@pytest.fixture
def seeded_invoices(stale_session):
    stale_session.add(Invoice(member_id=1, number="INV-2024-001", amount_cents=4900))
    stale_session.commit()
    return stale_session


@pytest.fixture
def seeded_members(session):
    add_member(session, "ada@example.com", "Ada")
    add_member(session, "grace@example.com", "Grace")
    add_member(session, "Ada@example.com".lower(), "Ada L.")  # imported twice from the CRM export
    return session


# --- schema not migrated -------------------------------------------------------------------

@pytest.mark.failure(category="other", library="sqlalchemy", dist="SQLAlchemy", shape="raised", cause="missing-schema-migration")
def test_members_on_paid_plan(stale_session):
    assert members_on_plan(stale_session, "pro") == []


@pytest.mark.failure(category="other", library="sqlalchemy", dist="SQLAlchemy", shape="setup", cause="missing-schema-migration")
def test_invoice_numbers_are_sequential(seeded_invoices):
    numbers = seeded_invoices.scalars(select(Invoice.number)).all()
    assert numbers == ["INV-2024-001"]


@pytest.mark.failure(category="other", library="sqlite3", dist=None, shape="raised", cause="missing-schema-migration")
def test_login_is_audited():
    conn = open_audit_log()
    record_login(conn, "ada")
    assert conn.execute("SELECT count(*) FROM audit").fetchone()[0] == 1


@pytest.mark.failure(category="other", library="sqlite3", dist=None, shape="raised", cause="missing-schema-migration")
def test_recent_actions_ordering():
    conn = open_audit_log()
    conn.execute("INSERT INTO audit (actor, action) VALUES ('ada', 'login')")
    assert recent_actions(conn, "ada") == ["login"]


@pytest.mark.asyncio
@pytest.mark.failure(category="other", library="sqlalchemy", dist="SQLAlchemy", shape="async", cause="missing-schema-migration")
async def test_async_report_counts_members():
    engine = create_async_engine("sqlite+aiosqlite://")
    try:
        async with engine.connect() as conn:
            result = await conn.execute(text("SELECT count(*) FROM members WHERE plan = 'pro'"))
            assert result.scalar_one() == 0
    finally:
        await engine.dispose()


# --- integrity constraints (data bugs) -----------------------------------------------------

@pytest.mark.failure(category="other", library="sqlalchemy", dist="SQLAlchemy", shape="setup", cause="integrity-constraint-violation")
def test_member_directory_lists_everyone(seeded_members):
    assert len(seeded_members.scalars(select(Member)).all()) == 2


@pytest.mark.failure(category="other", library="sqlalchemy", dist="SQLAlchemy", shape="raised", cause="integrity-constraint-violation")
def test_register_member_without_display_name(session):
    member = add_member(session, "nameless@example.com", None)
    assert member.id is not None


@pytest.mark.failure(category="other", library="sqlalchemy", dist="SQLAlchemy", shape="raised", cause="integrity-constraint-violation")
def test_invoice_numbers_unique_per_member(session):
    ada = add_member(session, "ada@example.com", "Ada")
    grace = add_member(session, "grace@example.com", "Grace")
    session.add_all([
        Invoice(member_id=ada.id, number="INV-001", amount_cents=1000),
        Invoice(member_id=grace.id, number="INV-001", amount_cents=2500),
    ])
    session.commit()
    assert session.scalar(select(Invoice).where(Invoice.member_id == grace.id)).amount_cents == 2500


@pytest.mark.failure(category="other", library="sqlite3", dist=None, shape="raised", cause="integrity-constraint-violation")
def test_audit_entry_for_deleted_member():
    conn = sqlite3.connect(":memory:")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id), kind TEXT)")
    conn.execute("INSERT INTO users (id, name) VALUES (1, 'ada')")
    with conn:
        conn.execute("INSERT INTO events (user_id, kind) VALUES (2, 'deleted')")
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 1


@pytest.mark.failure(category="other", library="sqlite3", dist=None, shape="raised", cause="integrity-constraint-violation")
def test_import_sku_list_with_duplicates():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE skus (code TEXT PRIMARY KEY, label TEXT)")
    rows = [("A-1", "Mug"), ("A-2", "Cup"), ("A-1", "Mug (blue)")]
    conn.executemany("INSERT INTO skus VALUES (?, ?)", rows)
    assert conn.execute("SELECT count(*) FROM skus").fetchone()[0] == 3


@pytest.fixture
def reporting_view():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE members (id INTEGER PRIMARY KEY, plan TEXT)")
    conn.execute("CREATE VIEW paying_members AS SELECT id FROM members WHERE plan != 'free'")
    yield conn
    conn.execute("DROP TABLE paying_members_snapshot")  # created by migration 0007, which this branch lacks
    conn.close()


@pytest.mark.failure(category="other", library="sqlite3", dist=None, shape="teardown", cause="missing-schema-migration")
def test_paying_members_view(reporting_view):
    reporting_view.execute("INSERT INTO members (plan) VALUES ('pro'), ('free')")
    assert reporting_view.execute("SELECT count(*) FROM paying_members").fetchone()[0] == 1
