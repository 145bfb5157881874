"""Time-boxed promotions."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal


@dataclass
class Promotion:
    code: str
    percent_off: Decimal
    starts_at: datetime | None = None
    ends_at: datetime | None = None

    @classmethod
    def from_api(cls, payload: dict) -> "Promotion":
        def parse(value):
            return datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None

        return cls(
            code=payload["code"],
            percent_off=Decimal(str(payload["percent_off"])),
            starts_at=parse(payload.get("starts_at")),
            ends_at=parse(payload.get("ends_at")),
        )

    def is_active(self, now: datetime | None = None) -> bool:
        now = now or datetime.utcnow()
        if self.starts_at is not None and now < self.starts_at:
            return False
        if self.ends_at is not None and now >= self.ends_at:
            return False
        return True

    def apply(self, amount: Decimal) -> Decimal:
        return (amount * (Decimal(100) - self.percent_off) / Decimal(100)).quantize(Decimal("0.01"))


def active_promotions(promos: list[Promotion], now: datetime | None = None) -> list[Promotion]:
    return [p for p in promos if p.is_active(now)]
