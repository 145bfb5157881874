import pytest
from sqlalchemy import text

from . import db
from .db import entries_for, report_session, totals


_sessions = []


@pytest.fixture(scope="module", autouse=True)
def schema():
    db.create_schema()
    yield
    for s in _sessions:
        s.close()
    db.engine.dispose()


@pytest.fixture
def session():
    s = report_session()
    _sessions.append(s)
    return s


def test_totals_per_account(session):
    assert totals(session) == {"4000": "200.00", "5100": "-45.50"}


def test_revenue_entries(session):
    assert [e.amount for e in entries_for(session, "4000")] == [120, 80]


def test_expense_entries(session):
    assert len(entries_for(session, "5100")) == 1


@pytest.mark.failure(category="3", library="sqlalchemy-orm", shape="raised", cause="sessions-not-closed-queuepool-timeout")
def test_no_entries_for_unused_account(session):
    assert entries_for(session, "9999") == []


@pytest.fixture
def locked_journal():
    s = report_session()
    _sessions.append(s)
    s.execute(text("LOCK TABLE journal IN ACCESS EXCLUSIVE MODE"))
    return s


@pytest.mark.failure(category="3", library="sqlalchemy-orm", shape="setup", cause="sessions-not-closed-queuepool-timeout")
def test_year_end_close_takes_lock(locked_journal):
    assert locked_journal.in_transaction()
