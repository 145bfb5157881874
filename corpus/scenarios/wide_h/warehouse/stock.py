"""Warehouse stock keeping on MariaDB (mysql-connector-python): bins, picks and a small connection pool."""

from __future__ import annotations

import mysql.connector
from mysql.connector import pooling
from sqlalchemy import Integer, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from ..conftest import MYSQL_HOST, MYSQL_PORT

DB = {"host": MYSQL_HOST, "port": MYSQL_PORT, "user": "stock", "password": "stock", "database": "warehouse", "connection_timeout": 3}

_pool: pooling.MySQLConnectionPool | None = None


def pool() -> pooling.MySQLConnectionPool:
    global _pool
    if _pool is None:
        _pool = pooling.MySQLConnectionPool(pool_name="picking", pool_size=2, **DB)
    return _pool


def connect(**overrides):
    return mysql.connector.connect(**{**DB, **overrides})


def ensure_schema() -> None:
    conn = connect()
    cur = conn.cursor()
    cur.execute("CREATE TABLE IF NOT EXISTS bins (code VARCHAR(16) PRIMARY KEY, qty INT NOT NULL) ENGINE=InnoDB")
    cur.execute("DELETE FROM bins")
    cur.executemany("INSERT INTO bins VALUES (%s, %s)", [("A-01", 40), ("A-02", 15), ("B-07", 3), ("C-11", 8)])
    conn.commit()
    conn.close()


def pick(conn, code: str, qty: int) -> int:
    cur = conn.cursor()
    cur.execute("UPDATE bins SET qty = qty - %s WHERE code = %s", (qty, code))
    cur.execute("SELECT qty FROM bins WHERE code = %s", (code,))
    (left,) = cur.fetchone()
    return left


def transfer(conn, src: str, dst: str, qty: int) -> None:
    cur = conn.cursor()
    cur.execute("UPDATE bins SET qty = qty - %s WHERE code = %s", (qty, src))
    cur.execute("UPDATE bins SET qty = qty + %s WHERE code = %s", (qty, dst))


def bin_qty(code: str) -> int:
    conn = pool().get_connection()
    cur = conn.cursor()
    cur.execute("SELECT qty FROM bins WHERE code = %s", (code,))
    (qty,) = cur.fetchone()
    return qty


class Base(DeclarativeBase):
    pass


class Bin(Base):
    __tablename__ = "bins"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    qty: Mapped[int] = mapped_column(Integer)


engine = create_engine(
    f"mysql+mysqlconnector://stock:stock@{MYSQL_HOST}:{MYSQL_PORT}/warehouse", pool_size=2, max_overflow=0, pool_timeout=0.5
)


def open_session() -> Session:
    return Session(engine)


def low_bins(session: Session, threshold: int) -> list[str]:
    return list(session.scalars(select(Bin.code).where(Bin.qty < threshold).order_by(Bin.code)))
