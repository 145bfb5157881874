"""Receipts: plain-text rendering and JSON export."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from decimal import Decimal


@dataclass
class ReceiptLine:
    sku: str
    qty: int
    unit_price: Decimal

    @property
    def amount(self) -> Decimal:
        return self.unit_price * self.qty


@dataclass
class Receipt:
    order_id: int
    lines: list[ReceiptLine] = field(default_factory=list)
    tax_rate: Decimal = Decimal("0.08")

    @property
    def subtotal(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal("0"))

    @property
    def tax(self) -> Decimal:
        return (self.subtotal * self.tax_rate).quantize(Decimal("0.01"))

    @property
    def total(self) -> Decimal:
        return self.subtotal + self.tax


def render_text(receipt: Receipt) -> str:
    rows = [f"Order #{receipt.order_id}"]
    for line in receipt.lines:
        rows.append(f"{line.sku:<10}{line.qty:>4} x {line.unit_price:>8} = {line.amount:>9}")
    rows.append(f"{'subtotal':<26}{receipt.subtotal:>9}")
    rows.append(f"{'tax':<26}{receipt.tax:>9}")
    rows.append(f"{'TOTAL':<26}{receipt.total:>9}")
    return "\n".join(rows)


def export_json(receipt: Receipt) -> str:
    doc = asdict(receipt)
    doc["subtotal"] = receipt.subtotal
    doc["total"] = receipt.total
    return json.dumps(doc, sort_keys=True)
