"""SQLAlchemy models and engine/session factories of the small orders service."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import ForeignKey, Numeric, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String, unique=True)
    name: Mapped[str] = mapped_column(String)


class Account(Base):
    __tablename__ = "accounts"
    id: Mapped[int] = mapped_column(primary_key=True)
    owner: Mapped[str]
    balance: Mapped[Decimal] = mapped_column(Numeric)


class Order(Base):
    __tablename__ = "orders"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    total: Mapped[Decimal] = mapped_column(Numeric)


class InventoryItem(Base):
    __tablename__ = "inventory"
    sku: Mapped[str] = mapped_column(primary_key=True)
    qty: Mapped[int]


def make_engine(url: str, **pool_kw):
    if url.startswith("postgresql://"):
        url = url.replace("postgresql://", "postgresql+psycopg://", 1)
    return create_engine(url, **pool_kw)


def make_session_factory(engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)


class OrderRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def orders_for(self, user_id: int) -> list[Order]:
        return list(self.session.scalars(select(Order).where(Order.user_id == user_id)))

    def total_for(self, user_id: int) -> Decimal:
        return sum((o.total for o in self.orders_for(user_id)), Decimal(0))


class UserRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, user_id: int) -> User | None:
        return self.session.get(User, user_id)

    def by_email(self, email: str) -> User | None:
        return self.session.scalars(select(User).where(User.email == email)).first()


class ServiceUnavailable(RuntimeError):
    """Raised by the service layer when the database cannot serve a request."""
