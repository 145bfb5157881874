"""General-ledger storage on PostgreSQL: a DBUtils pool for the posting service, SQLAlchemy for reports."""

from __future__ import annotations

import psycopg2
from dbutils.pooled_db import PooledDB
from sqlalchemy import Integer, Numeric, String, create_engine, select, text
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from ..conftest import PG_HOST, PG_PORT

DSN = dict(host=PG_HOST, port=PG_PORT, dbname="depot", user="depot", password="depot", connect_timeout=3)

posting_pool = PooledDB(psycopg2, maxconnections=2, blocking=False, **DSN)
statement_pool = PooledDB(psycopg2, maxconnections=1, blocking=True, **DSN)


def create_schema() -> None:
    conn = psycopg2.connect(**DSN, options="-c lock_timeout=5s")
    with conn, conn.cursor() as cur:
        cur.execute("DROP TABLE IF EXISTS journal")
        cur.execute("CREATE TABLE journal (id serial PRIMARY KEY, account varchar(16) NOT NULL, amount numeric(12,2) NOT NULL)")
        cur.execute("INSERT INTO journal (account, amount) VALUES ('4000', 120.00), ('4000', 80.00), ('5100', -45.50)")
    conn.close()


def post_entry(account: str, amount: str):
    conn = posting_pool.connection()
    cur = conn.cursor()
    cur.execute("INSERT INTO journal (account, amount) VALUES (%s, %s) RETURNING id", (account, amount))
    return conn, cur.fetchone()[0]


def account_balance(account: str) -> str:
    conn = statement_pool.connection()
    cur = conn.cursor()
    cur.execute("SELECT COALESCE(SUM(amount), 0) FROM journal WHERE account = %s", (account,))
    return str(cur.fetchone()[0])


class Base(DeclarativeBase):
    pass


class Entry(Base):
    __tablename__ = "journal"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account: Mapped[str] = mapped_column(String(16))
    amount: Mapped[float] = mapped_column(Numeric(12, 2))


engine = create_engine(
    f"postgresql+psycopg://depot:depot@{PG_HOST}:{PG_PORT}/depot", pool_size=2, max_overflow=1, pool_timeout=0.5
)


def report_session() -> Session:
    return Session(engine)


def totals(session: Session) -> dict[str, str]:
    rows = session.execute(text("SELECT account, SUM(amount) FROM journal GROUP BY account ORDER BY account"))
    return {a: str(s) for a, s in rows}


def entries_for(session: Session, account: str) -> list[Entry]:
    return list(session.scalars(select(Entry).where(Entry.account == account).order_by(Entry.id)))
