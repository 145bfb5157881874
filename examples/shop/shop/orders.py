"""Order service on top of the SQLAlchemy models."""
from __future__ import annotations

from decimal import Decimal

from sqlalchemy import func, select

from .catalog import get_price
from .db import Customer, Order, OrderLine, RequestSessions


class OrderError(Exception):
    pass


class OrderService:
    def __init__(self, sessions: RequestSessions):
        self.sessions = sessions

    def register_customer(self, email: str) -> int:
        with self.sessions._factory() as s, s.begin():
            customer = Customer(email=email)
            s.add(customer)
            s.flush()
            return customer.id

    def place_order(self, customer_id: int, items: dict[str, int]) -> int:
        if not items:
            raise OrderError("empty order")
        with self.sessions._factory() as s, s.begin():
            order = Order(customer_id=customer_id, total=Decimal("0"))
            for sku, qty in items.items():
                if qty <= 0:
                    raise OrderError(f"bad quantity {qty} for {sku}")
                price = get_price(sku)
                order.lines.append(OrderLine(sku=sku, qty=qty, unit_price=price))
                order.total += price * qty
            s.add(order)
            s.flush()
            return order.id

    def order_total(self, order_id: int) -> Decimal:
        with self.sessions._factory() as s:
            order = s.get(Order, order_id)
            if order is None:
                raise OrderError(f"no order {order_id}")
            return Decimal(order.total)

    def recent_orders(self, customer_id: int, limit: int = 10) -> list[Order]:
        """Orders of a customer, newest first. Uses the request-scoped session
        so callers can walk `order.lines` lazily."""
        s = self.sessions.open()
        stmt = (
            select(Order)
            .where(Order.customer_id == customer_id)
            .order_by(Order.id.desc())
            .limit(limit)
        )
        return list(s.scalars(stmt))

    def set_status(self, order_id: int, status: str) -> None:
        with self.sessions._factory() as s, s.begin():
            order = s.get(Order, order_id)
            if order is None:
                raise OrderError(f"no order {order_id}")
            if order.status == "cancelled" and status != "cancelled":
                raise OrderError("order already cancelled")
            order.status = status

    def count_orders(self) -> int:
        with self.sessions._factory() as s:
            return s.scalar(select(func.count(Order.id))) or 0
