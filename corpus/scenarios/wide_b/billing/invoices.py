"""Invoice totals and their presentation in the merchant's locale."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

VAT = Decimal("0.20")


def line_total(unit_price: Decimal, qty: int) -> Decimal:
    return (unit_price * qty).quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN)


def vat(amount: Decimal) -> Decimal:
    return (amount * VAT).quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN)


def per_parcel_cost(total: Decimal, parcels: int) -> Decimal:
    return (total / parcels).quantize(Decimal("0.01"))


def fuel_surcharge(rate_text: str, amount: Decimal) -> Decimal:
    return (amount * Decimal(rate_text)).quantize(Decimal("0.01"))


def money(amount: Decimal, currency: str, locale: str) -> str:
    return format_currency(amount, currency, locale=locale)


def weight(kg: float, locale: str) -> str:
    return format_decimal(kg, locale=locale)


def due_date(day, locale: str) -> str:
    return format_date(day, format="long", locale=locale)
