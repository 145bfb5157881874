import pytest
import sqlalchemy as sa

from . import migrate

_open = []


@pytest.fixture(scope="module", autouse=True)
def fresh_table():
    migrate.reset()
    yield
    for conn in _open:
        conn.close()
    migrate.engine.dispose()


@pytest.fixture
def reporting_conn():
    conn = migrate.engine.connect()
    _open.append(conn)
    return conn


def test_invoice_totals(reporting_conn):
    assert reporting_conn.execute(sa.text("SELECT SUM(total) FROM invoice")).scalar() == 35


@pytest.mark.failure(category="3", library="alembic", shape="raised", cause="ddl-lock-timeout-behind-open-read-transaction")
def test_add_currency_column():
    migrate.upgrade(migrate.add_currency)


@pytest.mark.failure(category="3", library="alembic", shape="raised", cause="ddl-lock-timeout-behind-open-read-transaction")
def test_add_vat_column():
    migrate.upgrade(migrate.add_vat_column)


def test_reports_finish():
    for conn in _open:
        conn.rollback()


@pytest.mark.failure(category="other", library="alembic", shape="raised", cause="migration-references-missing-column")
def test_add_due_date_index():
    migrate.upgrade(migrate.add_due_date_index)


@pytest.mark.failure(category="other", library="alembic", shape="raised", cause="migration-references-missing-table")
def test_archive_legacy_invoices():
    migrate.upgrade(migrate.rename_legacy_table)


@pytest.mark.failure(category="other", library="sqlalchemy", shape="raised", cause="unique-violation-duplicate-invoice-number")
def test_reissue_invoice():
    with migrate.engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO invoice (number, total) VALUES ('INV-2', 25.00)"))
