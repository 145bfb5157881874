import pytest
from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session

from .accounts import Entry, Account, Base, SettlementWorker, WalletService


@pytest.fixture(scope="module")
def db_url(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('ledger') / 'wallet.db'}"
    engine = create_engine(url)
    Base.metadata.create_all(engine)
    with Session(engine) as s, s.begin():
        s.add_all([Account(id=1, owner="ada", balance_cents=10000), Account(id=2, owner="grace", balance_cents=500)])
    return url


@pytest.fixture(scope="module")
def db_session(db_url):
    with Session(create_engine(db_url)) as session:
        yield session


@pytest.fixture(scope="module")
def customers(db_session):
    return {account.owner: account for account in db_session.scalars(select(Account))}


@pytest.fixture
def wallet(db_session):
    return WalletService(db_session)


@pytest.fixture
def worker(db_url):
    return SettlementWorker(db_url)


def test_opening_balance(wallet, customers):
    assert wallet.balance(customers["ada"].id) == 10000


def test_account_is_active(wallet, customers):
    assert wallet.status(customers["grace"].id) == "active"


def test_statement_starts_empty(wallet, customers):
    assert wallet.statement(customers["grace"].id) == []


@pytest.mark.failure(category="4", library="sqlalchemy-identity-map", dist="sqlalchemy", shape="assert", cause="module-scoped-session-returns-identity-map-row")
def test_balance_after_settlement(wallet, worker):
    worker.settle(1, -2500)
    assert wallet.balance(1) == 7500


@pytest.mark.failure(category="4", library="sqlalchemy-identity-map", dist="sqlalchemy", shape="assert", cause="query-does-not-refresh-loaded-attributes")
def test_frozen_account_is_reported(wallet, worker):
    worker.freeze(2)
    assert wallet.status(2) == "frozen"


@pytest.mark.failure(category="4", library="sqlalchemy-identity-map", dist="sqlalchemy", shape="assert", cause="loaded-relationship-collection-not-expired")
def test_statement_lists_settled_entry(wallet, worker):
    worker.settle(2, 1200)
    assert wallet.statement(2) == [1200]


@pytest.mark.failure(category="other", library="sqlalchemy", shape="assert", cause="fee-rounds-down")
def test_fee_on_large_transfer(wallet):
    assert wallet.fee(123456) == 1852


@pytest.mark.failure(category="other", library="sqlalchemy", shape="raised", cause="unknown-account-id")
def test_balance_of_closed_account(wallet):
    assert wallet.balance(99) == 0


@pytest.fixture
def journal_balanced(db_url):
    """Every test must leave exactly the entries it posted: the journal is reconciled after each one."""
    posted = []
    yield posted
    with Session(create_engine(db_url)) as s:
        assert s.scalar(select(func.count(Entry.id))) == len(posted)


@pytest.mark.failure(category="4", library="sqlalchemy-shared-db", dist="sqlalchemy", shape="teardown", cause="rows-committed-by-earlier-tests-in-shared-db")
def test_refund_is_posted(worker, journal_balanced):
    worker.settle(1, 900)
    journal_balanced.append(900)
