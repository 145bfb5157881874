"""Online schema changes for the invoices table, applied with Alembic operations at deploy time."""

from __future__ import annotations

import sqlalchemy as sa
from alembic.migration import MigrationContext
from alembic.operations import Operations

from ..conftest import PG_HOST, PG_PORT

URL = f"postgresql+psycopg://depot:depot@{PG_HOST}:{PG_PORT}/depot"
engine = sa.create_engine(URL, pool_size=3, max_overflow=0)


def reset() -> None:
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE IF EXISTS invoice")
        conn.exec_driver_sql("CREATE TABLE invoice (id serial PRIMARY KEY, number varchar(20) UNIQUE NOT NULL, total numeric(10,2))")
        conn.exec_driver_sql("INSERT INTO invoice (number, total) VALUES ('INV-1', 10.00), ('INV-2', 25.00)")


def upgrade(step) -> None:
    with engine.begin() as conn:
        conn.exec_driver_sql("SET LOCAL lock_timeout = '800ms'")
        step(Operations(MigrationContext.configure(conn)))


def add_currency(op: Operations) -> None:
    op.add_column("invoice", sa.Column("currency", sa.String(3), server_default="EUR"))


def add_due_date_index(op: Operations) -> None:
    op.create_index("ix_invoice_due_date", "invoice", ["due_date"])


def add_vat_column(op: Operations) -> None:
    op.add_column("invoice", sa.Column("vat", sa.Numeric(10, 2)))


def rename_legacy_table(op: Operations) -> None:
    op.rename_table("invoice_legacy", "invoice_archive")
