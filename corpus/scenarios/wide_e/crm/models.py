"""CRM contacts and deals (SQLModel on PostgreSQL)."""

from __future__ import annotations

from typing import Optional

from sqlalchemy.pool import NullPool
from sqlmodel import Field, Session, SQLModel, create_engine, select, text

from ..conftest import PG_HOST, PG_PORT

URL = f"postgresql+psycopg2://crm:crm@{PG_HOST}:{PG_PORT}/crm"


class Contact(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str
    email: str = Field(unique=True)
    tier: str = "standard"


class Deal(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    contact_id: int = Field(foreign_key="contact.id")
    amount_cents: int
    stage: str = "lead"


def make_engine(**kw):
    return create_engine(URL, **kw)


def reset(engine) -> None:
    SQLModel.metadata.drop_all(engine)
    SQLModel.metadata.create_all(engine)
    with Session(engine) as s:
        s.add_all([Contact(id=1, name="Lena", email="lena@example.com"), Contact(id=2, name="Marco", email="m@example.com")])
        s.commit()
        s.add_all([Deal(id=1, contact_id=1, amount_cents=120000), Deal(id=2, contact_id=2, amount_cents=45000)])
        s.commit()


class ContactService:
    """Request-scoped service; the web layer is supposed to close `self.session` when the request ends."""

    def __repr__(self) -> str:
        return "ContactService(crm)"

    def __init__(self, engine) -> None:
        self.session = Session(engine)
        _REQUEST_SESSIONS.append(self.session)

    def by_email(self, email: str) -> Contact:
        return self.session.exec(select(Contact).where(Contact.email == email)).one()

    def promote(self, contact_id: int) -> None:
        contact = self.session.get(Contact, contact_id)
        contact.tier = "gold"
        self.session.add(contact)
        self.session.commit()

    def pipeline_value(self) -> int:
        return sum(d.amount_cents for d in self.session.exec(select(Deal)).all())

    def register(self, name: str, email: str) -> Contact:
        contact = Contact(name=name, email=email)
        self.session.add(contact)
        self.session.commit()
        return contact


def lead_report(engine) -> list[str]:
    """The nightly report opens one unpooled engine per region."""
    names = []
    for region in range(10):
        regional = create_engine(URL, poolclass=NullPool)
        conn = regional.connect()
        _REPORT_CONNECTIONS.append(conn)
        names.extend(conn.execute(text("SELECT name FROM contact ORDER BY id")).scalars())
    return names


_REPORT_CONNECTIONS: list = []
_REQUEST_SESSIONS: list = []


def close_stage(engine, deal_id: int, stage: str) -> None:
    with Session(engine) as s:
        s.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        deal = s.get(Deal, deal_id)
        s.exec(text("SELECT pg_sleep(0.3)"))
        deal.stage = stage
        s.add(deal)
        s.commit()
