"""Shopping cart value objects (attrs)."""

from __future__ import annotations

import attr


@attr.s
class Line:
    sku: str = attr.ib()
    qty: int = attr.ib(default=1)
    unit_cents: int = attr.ib(default=0)


@attr.s
class Cart:
    customer: str = attr.ib()
    lines: list = attr.ib(default=[])
    coupons: dict = attr.ib(default={})

    def add(self, sku: str, qty: int = 1, unit_cents: int = 0) -> None:
        self.lines.append(Line(sku, qty, unit_cents))

    def apply(self, code: str, pct: int) -> None:
        self.coupons[code] = pct

    def total(self) -> int:
        gross = sum(line.qty * line.unit_cents for line in self.lines)
        pct = max(self.coupons.values(), default=0)
        return gross - gross * pct // 100
