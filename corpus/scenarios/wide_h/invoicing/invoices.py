"""Invoice numbering, due dates, rounding and sampling for the billing service."""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal, getcontext


def due_date(days: int = 14) -> date:
    return (datetime.now(timezone.utc) + timedelta(days=days)).date()


def is_overdue(due: date) -> bool:
    return datetime.now(timezone.utc).date() > due


def invoice_number(seq: int) -> str:
    return f"INV-{datetime.now(timezone.utc):%Y%m}-{seq:05d}"


def vat(amount: Decimal, rate: Decimal = Decimal("0.19")) -> Decimal:
    return (amount * rate).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def split_evenly(total: Decimal, parts: int) -> Decimal:
    return total / parts


def use_bank_rounding_precision(digits: int) -> None:
    getcontext().prec = digits


class Stopwatch:
    def __enter__(self) -> "Stopwatch":
        self.started = time.monotonic()
        return self

    def __exit__(self, *exc) -> None:
        self.elapsed = time.monotonic() - self.started


def render_pdf(pages: int) -> bytes:
    time.sleep(0.01 * pages)
    return b"%PDF-1.7" + b"\n" * pages
