"""Splitting bills, currency conversion and wallet balances."""

from __future__ import annotations

from decimal import ROUND_DOWN, Decimal

from babel.numbers import format_currency

CENT = Decimal("0.01")
# how many units of the second currency one unit of the first buys
FX_QUOTES = {("EUR", "USD"): Decimal("1.0850"), ("GBP", "EUR"): Decimal("1.1700")}


def split_evenly(total: Decimal, parts: int) -> list[Decimal]:
    """Split a bill into `parts` shares that add up to the total; the first shares take the odd cents."""
    share = (total / parts).quantize(CENT, rounding=ROUND_DOWN)
    return [share] * parts


def convert(amount: Decimal, source: str, target: str) -> Decimal:
    quote = FX_QUOTES[(source, target)]
    return (amount / quote).quantize(CENT)


def price_label(amount: Decimal, currency: str, locale: str = "en_US") -> str:
    return format_currency(amount, currency, format="¤#,##0.00", locale=locale, currency_digits=False)


def wallet_balance(movements: list[float]) -> float:
    balance = 0.0
    for amount in movements:
        balance += amount
    return balance


def is_settled(movements: list[float]) -> bool:
    return wallet_balance(movements) == 0
