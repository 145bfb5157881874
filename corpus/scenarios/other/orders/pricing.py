"""Order pricing, totals and statistics for the shop back office."""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import Enum

import numpy as np
import orjson

CATALOG = {
    "SKU-1001": {"name": "Espresso beans 1kg", "price": Decimal("24.90"), "vat": "standard"},
    "SKU-1002": {"name": "Milk frother", "price": Decimal("39.00"), "vat": "standard"},
    "SKU-2001": {"name": "Gift card", "price": Decimal("50.00"), "vat": "exempt"},
}
VAT_RATES = {"standard": Decimal("0.20"), "reduced": Decimal("0.055")}


class OrderStatus(Enum):
    PENDING = "pending"
    PAID = "paid"
    SHIPPED = "shipped"
    CANCELLED = "cancelled"


@dataclass
class Line:
    sku: str
    quantity: int


@dataclass
class Order:
    id: int
    lines: list[Line]
    status: OrderStatus = OrderStatus.PENDING
    created_at: datetime | None = None
    tags: set[str] = field(default_factory=set)


def unit_price(sku: str) -> Decimal:
    return CATALOG[sku]["price"]


def vat_for(sku: str) -> Decimal:
    item = CATALOG[sku]
    return VAT_RATES[item["vat"]]


def order_total(order: Order) -> Decimal:
    total = Decimal("0")
    for line in order.lines:
        price = unit_price(line.sku)
        total += price * line.quantity * (1 + vat_for(line.sku))
    return total.quantize(Decimal("0.01"))


def bulk_discount(subtotal: float, quantity: int) -> float:
    """10% off from 10 items, 15% off from 50 items."""
    if quantity > 50:
        return subtotal * 0.85
    if quantity > 10:
        return subtotal * 0.90
    return subtotal


def loyalty_points(total_eur: float) -> int:
    """One point per full euro, doubled for orders of 100 EUR or more."""
    points = int(total_eur)
    if total_eur > 100:
        points *= 2
    return points


def split_bill(total: float, people: int) -> list[float]:
    share = round(total / people, 2)
    return [share] * people


def average_order_value(totals: list[float]) -> float:
    return sum(totals) / len(totals)


def median_basket_size(sizes: list[int]) -> float:
    return statistics.median(sizes)


def conversion_rate(orders: int, visits: int) -> float:
    return round(orders / visits * 100, 2)


def growth(previous: Decimal, current: Decimal) -> Decimal:
    return (current - previous) / previous * 100


def normalised_scores(values: np.ndarray) -> np.ndarray:
    with np.errstate(all="raise"):
        return (values - values.mean()) / values.std()


def order_to_json(order: Order) -> str:
    return json.dumps(
        {
            "id": order.id,
            "status": order.status.value,
            "total": order_total(order),
            "lines": [line.__dict__ for line in order.lines],
        }
    )


def order_event_payload(order: Order) -> bytes:
    return orjson.dumps({"id": order.id, "total": order_total(order), "status": order.status.value})


def parse_status(value: str) -> OrderStatus:
    return OrderStatus(value)
