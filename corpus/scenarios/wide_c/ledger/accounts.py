"""Wallet accounts (SQLAlchemy ORM); the payments worker settles transfers on its own connection."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, create_engine, select, update
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Account(Base):
    __tablename__ = "accounts"
    id: Mapped[int] = mapped_column(primary_key=True)
    owner: Mapped[str] = mapped_column(String(80))
    balance_cents: Mapped[int]
    status: Mapped[str] = mapped_column(String(16), default="active")
    entries: Mapped[list["Entry"]] = relationship(back_populates="account")


class Entry(Base):
    __tablename__ = "entries"
    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    amount_cents: Mapped[int]
    account: Mapped[Account] = relationship(back_populates="entries")


class WalletService:
    def __init__(self, session: Session) -> None:
        self.session = session

    def balance(self, account_id: int) -> int:
        return self.session.get(Account, account_id).balance_cents

    def status(self, account_id: int) -> str:
        return self.session.scalars(select(Account).where(Account.id == account_id)).one().status

    def statement(self, account_id: int) -> list[int]:
        return [e.amount_cents for e in self.session.get(Account, account_id).entries]

    def fee(self, amount_cents: int) -> int:
        return max(25, amount_cents * 15 // 1000)


class SettlementWorker:
    """Runs in another process in production: settles on its own connection."""

    def __init__(self, url: str) -> None:
        self.engine = create_engine(url)

    def settle(self, account_id: int, amount_cents: int) -> None:
        with Session(self.engine) as session, session.begin():
            session.add(Entry(account_id=account_id, amount_cents=amount_cents))
            session.execute(
                update(Account).where(Account.id == account_id).values(balance_cents=Account.balance_cents + amount_cents)
            )

    def freeze(self, account_id: int) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(Account).where(Account.id == account_id).values(status="frozen"))
