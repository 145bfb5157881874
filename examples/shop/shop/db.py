"""SQLAlchemy models, engine and request-scoped sessions."""
from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal

from sqlalchemy import ForeignKey, Numeric, String, create_engine
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship, sessionmaker
from sqlalchemy.pool import QueuePool


class Base(DeclarativeBase):
    pass


class Customer(Base):
    __tablename__ = "customers"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(120), unique=True)
    orders: Mapped[list["Order"]] = relationship(back_populates="customer")


class Order(Base):
    __tablename__ = "orders"
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    status: Mapped[str] = mapped_column(String(20), default="open")
    total: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    created_at: Mapped[datetime] = mapped_column(default=lambda: datetime.now(timezone.utc))
    customer: Mapped[Customer] = relationship(back_populates="orders")
    lines: Mapped[list["OrderLine"]] = relationship(back_populates="order", cascade="all, delete-orphan")


class OrderLine(Base):
    __tablename__ = "order_lines"
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"))
    sku: Mapped[str] = mapped_column(String(20))
    qty: Mapped[int]
    unit_price: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    order: Mapped[Order] = relationship(back_populates="lines")


def make_engine(url: str, pool_size: int = 2, pool_timeout: float = 0.5) -> Engine:
    """Engine with a small, bounded pool (mirrors the production pgbouncer quota)."""
    return create_engine(
        url,
        poolclass=QueuePool,
        pool_size=pool_size,
        max_overflow=0,
        pool_timeout=pool_timeout,
    )


class RequestSessions:
    """Sessions opened while serving a request; closed by the request teardown hook.

    Sessions stay open until teardown so that lazy relationships on returned ORM
    objects can still load while the response is rendered.
    """

    def __init__(self, engine: Engine):
        self._factory = sessionmaker(bind=engine, expire_on_commit=False)
        self._open: list[Session] = []

    def open(self) -> Session:
        session = self._factory()
        self._open.append(session)
        return session

    @property
    def open_count(self) -> int:
        return len(self._open)

    def teardown(self) -> None:
        while self._open:
            self._open.pop().close()
