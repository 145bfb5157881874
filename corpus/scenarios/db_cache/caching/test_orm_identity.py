from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import select

from db_cache.services.models import Account, User, make_engine, make_session_factory
from db_cache.conftest import APP_DSN

orm_failure = lambda shape, cause: pytest.mark.failure(  # noqa: E731
    category="4", library="sqlalchemy-orm", dist="SQLAlchemy", shape=shape, cause=cause
)


@pytest.fixture(scope="module")
def session():
    eng = make_engine(APP_DSN)
    s = make_session_factory(eng)()  # one session for the whole module: its identity map lives on
    yield s
    s.close()
    eng.dispose()


def raw_update(sql, params):
    with psycopg.connect(APP_DSN, autocommit=True) as conn:
        conn.execute(sql, params)


def test_alice_email(session):
    assert session.get(User, 1).email == "alice@example.com"


@orm_failure("assert", "identity-map-stale")
def test_email_change_by_background_job(session):
    alice = session.get(User, 1)
    raw_update("UPDATE users SET email = %s WHERE id = 1", ("alice@new.example.com",))
    session.commit()  # expire_on_commit=False: the cached User keeps its old state
    assert session.get(User, 1).email == "alice@new.example.com"


def test_carol_balance(session):
    assert session.get(Account, 3).balance is not None


@orm_failure("assert", "identity-map-stale")
def test_balance_after_external_credit(session):
    account = session.get(Account, 3)
    before = account.balance
    raw_update("UPDATE accounts SET balance = balance + 10 WHERE id = 3", ())
    refreshed = session.scalars(select(Account).where(Account.id == 3)).one()
    assert refreshed.balance == before + 10


def test_rename_bob_in_session(session):
    bob = session.get(User, 2)
    bob.name = "Bobby"  # pending change, never committed nor rolled back


@orm_failure("assert", "session-state-leak")
def test_bob_name_from_database(session):
    assert session.scalars(select(User.name).where(User.id == 2)).one() == "Bob"
