"""Persistence layer of the membership app (SQLAlchemy 2 ORM + a raw sqlite3 audit log)."""

from __future__ import annotations

import sqlite3

from sqlalchemy import ForeignKey, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Member(Base):
    __tablename__ = "members"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(200), unique=True)
    display_name: Mapped[str] = mapped_column(String(80))
    plan: Mapped[str] = mapped_column(String(20), default="free")


class Invoice(Base):
    __tablename__ = "invoices"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    number: Mapped[str] = mapped_column(String(20), unique=True)
    amount_cents: Mapped[int]


# Tables as created by the last migration that ran on the test database (migration 0004 added
# members.plan and created invoices; the test database stopped at 0003).
SCHEMA_0003 = """
CREATE TABLE members (id INTEGER PRIMARY KEY, email VARCHAR(200) UNIQUE NOT NULL, display_name VARCHAR(80) NOT NULL);
"""


def migrated_engine(url: str = "sqlite://", upto: str = "head"):
    engine = create_engine(url)
    if upto == "head":
        Base.metadata.create_all(engine)
    else:
        with engine.begin() as conn:
            conn.exec_driver_sql(SCHEMA_0003)
    return engine


def add_member(session: Session, email: str, name: str, plan: str = "free") -> Member:
    member = Member(email=email, display_name=name, plan=plan)
    session.add(member)
    session.commit()
    return member


def members_on_plan(session: Session, plan: str) -> list[Member]:
    return list(session.scalars(select(Member).where(Member.plan == plan)))


def open_audit_log(path: str = ":memory:") -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE IF NOT EXISTS audit (id INTEGER PRIMARY KEY, actor TEXT NOT NULL, action TEXT NOT NULL)")
    return conn


def record_login(conn: sqlite3.Connection, actor: str) -> None:
    conn.execute("INSERT INTO audit_log (actor, action) VALUES (?, 'login')", (actor,))


def recent_actions(conn: sqlite3.Connection, actor: str) -> list[str]:
    rows = conn.execute("SELECT action, created_at FROM audit WHERE actor = ? ORDER BY created_at DESC", (actor,))
    return [row[0] for row in rows]
