"""Invoices, VAT and credit notes for the billing back office."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

CENT = Decimal("0.01")
PROMO_CODES = {"SPRING15": Decimal("0.15"), "WELCOME5": Decimal("0.05")}


@dataclass
class Line:
    description: str
    unit_price: Decimal
    quantity: int = 1
    vat_percent: Decimal = Decimal("20")
    discount_percent: Decimal = Decimal("0")


@dataclass
class CreditNote:
    invoice_number: str
    amount: Decimal


@dataclass
class Invoice:
    number: str
    lines: list[Line] = field(default_factory=list)
    paid: Decimal = Decimal("0")
    credits: list[CreditNote] = field(default_factory=list)


def to_cents(amount: Decimal) -> Decimal:
    """Round an amount to whole cents (commercial rounding: half a cent goes up)."""
    return amount.quantize(CENT)


def line_net(line: Line) -> Decimal:
    return to_cents(line.unit_price * line.quantity * (100 - line.discount_percent) / 100)


def line_vat(line: Line) -> Decimal:
    return to_cents(line.unit_price * line.quantity * line.vat_percent / 100)


def invoice_net(invoice: Invoice) -> Decimal:
    return sum((line_net(line) for line in invoice.lines), Decimal("0"))


def invoice_vat(invoice: Invoice) -> Decimal:
    return sum((line_vat(line) for line in invoice.lines), Decimal("0"))


def invoice_total(invoice: Invoice) -> Decimal:
    return invoice_net(invoice) + invoice_vat(invoice)


def gross_price(net: Decimal, vat_percent: Decimal) -> Decimal:
    """Shelf price including VAT, e.g. gross_price(Decimal("10.00"), Decimal("20")) -> 12.00."""
    return to_cents(net * (1 + vat_percent))


def apply_promo(total: Decimal, code: str) -> Decimal:
    return to_cents(total - total * PROMO_CODES[code] / 100)


def credit_note_for(invoice: Invoice, amount: Decimal | None = None) -> CreditNote:
    """A credit note cancels (part of) an invoice: its amount is negative."""
    amount = invoice_total(invoice) if amount is None else amount
    return CreditNote(invoice.number, abs(amount))


def amount_due(invoice: Invoice) -> Decimal:
    return invoice_total(invoice) - invoice.paid + sum((c.amount for c in invoice.credits), Decimal("0"))


def average_line_value(invoice: Invoice) -> Decimal:
    return invoice_net(invoice) / len(invoice.lines)
