from __future__ import annotations

import sqlite3
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import pytest
from sqlalchemy import select, text, update
from sqlalchemy.exc import OperationalError, TimeoutError as PoolTimeoutError
from sqlalchemy.pool import NullPool

from db_cache.services.models import (
    Account,
    InventoryItem,
    OrderRepository,
    ServiceUnavailable,
    User,
    UserRepository,
    make_engine,
    make_session_factory,
)
from db_cache.conftest import APP_DSN

sa_failure = lambda shape, cause: pytest.mark.failure(  # noqa: E731
    category="3", library="sqlalchemy", dist="SQLAlchemy", shape=shape, cause=cause
)


@pytest.fixture(scope="module")
def engine():
    eng = make_engine(APP_DSN, pool_size=2, max_overflow=0, pool_timeout=0.2)
    yield eng
    eng.dispose()


@pytest.fixture(scope="module")
def SessionLocal(engine):
    return make_session_factory(engine)


@pytest.fixture
def tight_engine():
    eng = make_engine(APP_DSN, pool_size=1, max_overflow=1, pool_timeout=0.2)
    yield eng
    eng.dispose()


def order_totals(SessionLocal, user_ids):
    # Bug: one repository (and session) per user, kept around and never closed
    repos = {uid: OrderRepository(SessionLocal()) for uid in user_ids}
    return {uid: repo.total_for(uid) for uid, repo in repos.items()}


@sa_failure("raised", "queuepool-timeout")
def test_order_totals_for_dashboard(SessionLocal):
    totals = order_totals(SessionLocal, [1, 2, 3])
    assert set(totals) == {1, 2, 3}


@sa_failure("raised", "queuepool-timeout")
def test_export_users_in_batches(tight_engine):
    connections = []
    try:
        for offset in range(0, 6, 2):
            conn = tight_engine.connect()
            connections.append(conn)
            conn.execute(text("SELECT id, email FROM users ORDER BY id LIMIT 2 OFFSET :o"), {"o": offset}).all()
    finally:
        for conn in connections:
            conn.close()


@sa_failure("raised", "queuepool-timeout")
def test_parallel_price_recalculation(tight_engine):
    SessionLocal = make_session_factory(tight_engine)
    barrier = threading.Barrier(4)

    def recalc(sku):
        with SessionLocal() as session:
            barrier.wait(timeout=2)
            item = session.get(InventoryItem, sku)
            time.sleep(0.5)
            return item.qty

    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = [pool.submit(recalc, sku) for sku in ["SKU-1", "SKU-2", "SKU-1", "SKU-2"]]
        results = [f.result() for f in futures]
    assert len(results) == 4


@sa_failure("assert", "connection-leak")
def test_request_returns_connection_to_pool(engine, SessionLocal):
    session = SessionLocal()
    UserRepository(session).get(1)
    # the handler "forgot" session.close()
    assert engine.pool.checkedout() == 0


@sa_failure("assert", "connection-leak")
def test_pool_status_after_report(tight_engine):
    SessionLocal = make_session_factory(tight_engine)
    for uid in (1, 2):
        s = SessionLocal()
        s.execute(select(User).where(User.id == uid)).all()
    status = tight_engine.pool.status()
    assert "Current Checked out connections: 0" in status


def load_user_or_503(SessionLocal, user_id):
    try:
        session = SessionLocal()
        return UserRepository(session).get(user_id)
    except PoolTimeoutError as exc:
        raise ServiceUnavailable("database pool exhausted while loading user %s" % user_id) from exc


@sa_failure("chained", "queuepool-timeout")
def test_profile_endpoint_under_burst(tight_engine):
    SessionLocal = make_session_factory(tight_engine)
    users = [load_user_or_503(SessionLocal, uid) for uid in (1, 2, 1, 2)]
    assert all(u is not None for u in users)


@pytest.fixture(scope="module")
def shared_engine():
    eng = make_engine(APP_DSN, pool_size=1, max_overflow=0, pool_timeout=0.2)
    yield eng
    eng.dispose()


@pytest.fixture(scope="module")
def session_tracker(shared_engine):
    opened = []
    yield opened
    for session in opened:  # closed only when the module finishes
        session.close()


@pytest.fixture
def db_session(shared_engine, session_tracker):
    session = make_session_factory(shared_engine)()
    session_tracker.append(session)
    session.connection()  # check out eagerly, like a transactional test fixture
    yield session


def test_create_user(db_session):
    db_session.add(User(email="dave@example.com", name="Dave"))
    db_session.flush()
    assert db_session.scalars(select(User).where(User.name == "Dave")).one().email == "dave@example.com"


@sa_failure("setup", "queuepool-timeout")
def test_rename_user(db_session):
    user = db_session.get(User, 1)
    user.name = "Alice Smith"
    db_session.flush()


_audit_sessions = []


@pytest.fixture
def checked_session():
    eng = make_engine(APP_DSN, pool_size=3, max_overflow=0, pool_timeout=0.2)
    SessionLocal = make_session_factory(eng)
    session = SessionLocal()
    session.info["factory"] = SessionLocal
    yield session
    session.close()
    leaked = eng.pool.checkedout()
    assert leaked == 0, f"{leaked} connection(s) still checked out after test"
    eng.dispose()


def audit_lookup(session, email):
    audit = session.info["factory"]()
    _audit_sessions.append(audit)  # kept for "later flush", never closed
    audit.execute(text("SELECT now()"))
    return UserRepository(session).by_email(email)


@sa_failure("teardown", "connection-leak")
def test_lookup_by_email(checked_session):
    assert audit_lookup(checked_session, "bob@example.com").name == "Bob"


@sa_failure("timeout", "queuepool-wait")
@pytest.mark.timeout(1.5)
def test_checkout_waits_for_free_connection():
    eng = make_engine(APP_DSN, pool_size=1, max_overflow=0, pool_timeout=30)
    held = eng.connect()
    try:
        with eng.connect() as conn:
            conn.execute(text("SELECT 1"))
    finally:
        held.close()
        eng.dispose()


@sa_failure("raised", "too-many-clients")
def test_nullpool_workers_open_connection_per_job():
    eng = make_engine(APP_DSN, poolclass=NullPool)
    conns = []
    try:
        for _ in range(15):
            conns.append(eng.connect())
    finally:
        for c in conns:
            c.close()
        eng.dispose()


@sa_failure("raised", "lock-not-available")
def test_reserve_inventory_nowait(engine):
    SessionLocal = make_session_factory(engine)
    with SessionLocal() as holder, SessionLocal() as session:
        holder.execute(select(InventoryItem).where(InventoryItem.sku == "SKU-2").with_for_update()).one()
        item = session.execute(
            select(InventoryItem).where(InventoryItem.sku == "SKU-2").with_for_update(nowait=True)
        ).scalar_one()
        item.qty -= 1
        session.commit()


@sa_failure("raised", "deadlock")
def test_concurrent_balance_transfers():
    eng = make_engine(APP_DSN, pool_size=4)
    SessionLocal = make_session_factory(eng)
    barrier = threading.Barrier(2)

    def move(src, dst):
        with SessionLocal() as s:
            s.execute(update(Account).where(Account.id == src).values(balance=Account.balance - 5))
            barrier.wait(timeout=5)
            s.execute(update(Account).where(Account.id == dst).values(balance=Account.balance + 5))
            s.commit()

    try:
        with ThreadPoolExecutor(max_workers=2) as pool:
            futures = [pool.submit(move, 1, 2), pool.submit(move, 2, 1)]
            for f in futures:
                f.result()
    finally:
        eng.dispose()


@sa_failure("raised", "lock-timeout")
def test_bulk_price_update_respects_lock_timeout(engine):
    SessionLocal = make_session_factory(engine)
    with SessionLocal() as holder, SessionLocal() as session:
        holder.execute(update(Account).where(Account.id == 3).values(balance=80))
        session.execute(text("SET LOCAL lock_timeout = '150ms'"))
        session.execute(update(Account).values(balance=Account.balance * 1))
        session.commit()


@pytest.fixture
def sqlite_engine(tmp_path):
    eng = make_engine(f"sqlite:///{tmp_path / 'app.db'}", connect_args={"timeout": 0.1})
    with eng.begin() as conn:
        conn.execute(text("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, name TEXT)"))
        conn.execute(text("INSERT INTO users VALUES (1, 'a@example.com', 'A')"))
    yield eng
    eng.dispose()


@sa_failure("raised", "sqlite-database-locked")
def test_sqlite_signup_while_migration_runs(sqlite_engine):
    migration = sqlite_engine.connect()
    migration.exec_driver_sql("BEGIN IMMEDIATE")
    migration.exec_driver_sql("ALTER TABLE users ADD COLUMN created_at TEXT")
    try:
        SessionLocal = make_session_factory(sqlite_engine)
        with SessionLocal() as session:
            session.add(User(id=2, email="b@example.com", name="B"))
            session.commit()
    finally:
        migration.rollback()
        migration.close()
