from __future__ import annotations

import unittest
from decimal import Decimal

import pytest

from .invoices import (
    Invoice,
    Line,
    amount_due,
    average_line_value,
    credit_note_for,
    gross_price,
    invoice_total,
    invoice_vat,
    to_cents,
)


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        pytest.param(
            Decimal("2.345"),
            Decimal("2.35"),
            marks=pytest.mark.failure(
                category="other", library="decimal", dist=None, shape="assert", cause="banker-rounding-vs-half-up"
            ),
        ),
        (Decimal("2.355"), Decimal("2.36")),
        (Decimal("19.994"), Decimal("19.99")),
        pytest.param(
            Decimal("0.005"),
            Decimal("0.01"),
            marks=pytest.mark.failure(
                category="other", library="decimal", dist=None, shape="assert", cause="banker-rounding-vs-half-up"
            ),
        ),
    ],
)
def test_amounts_round_half_up_to_cents(amount, expected):
    assert to_cents(amount) == expected


@pytest.mark.failure(category="other", library="decimal", dist=None, shape="assert", cause="discount-applied-after-tax")
def test_invoice_total_includes_vat_on_discounted_price():
    invoice = Invoice("INV-2024-0042", [Line("Consulting day", Decimal("800.00"), discount_percent=Decimal("10"))])
    # 800 - 10% = 720 net, 20% VAT on 720 = 144
    assert invoice_total(invoice) == Decimal("864.00")


@pytest.mark.failure(category="other", library="decimal", dist=None, shape="assert", cause="discount-applied-after-tax")
def test_vat_is_computed_on_net_after_line_discount():
    invoice = Invoice(
        "INV-2024-0043",
        [
            Line("Annual licence", Decimal("1200.00"), discount_percent=Decimal("25")),
            Line("Onboarding", Decimal("300.00")),
        ],
    )
    assert invoice_vat(invoice) == Decimal("240.00"), "VAT must be charged on the discounted amount"


@pytest.mark.failure(
    category="other", library="decimal", dist=None, shape="assert", cause="percent-vs-fraction-confusion"
)
def test_gross_price_adds_twenty_percent_vat():
    assert gross_price(Decimal("10.00"), Decimal("20")) == Decimal("12.00")


@pytest.mark.failure(category="other", library="decimal", dist=None, shape="assert", cause="sign-error-in-refund")
def test_full_refund_settles_the_invoice():
    invoice = Invoice("INV-2024-0051", [Line("Office chair", Decimal("250.00"))])
    invoice.credits.append(credit_note_for(invoice))
    assert amount_due(invoice) == 0


class InvoiceSummaryTests(unittest.TestCase):
    @pytest.mark.failure(category="other", library="decimal", dist=None, shape="assert", cause="sign-error-in-refund")
    def test_partial_refund_reduces_amount_due(self):
        invoice = Invoice("INV-2024-0052", [Line("Monitor", Decimal("180.00"))], paid=Decimal("100.00"))
        invoice.credits.append(credit_note_for(invoice, Decimal("36.00")))
        self.assertEqual(amount_due(invoice), Decimal("80.00"))


@pytest.mark.failure(category="other", library="decimal", dist=None, shape="raised", cause="empty-input-not-handled")
def test_average_line_value_of_empty_draft_is_zero():
    draft = Invoice("DRAFT-7")
    assert average_line_value(draft) == Decimal("0")
