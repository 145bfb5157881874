from datetime import date
from decimal import Decimal, InvalidOperation

import pytest

from .invoices import due_date, fuel_surcharge, line_total, money, per_parcel_cost, vat, weight


def test_line_total():
    assert line_total(Decimal("4.99"), 3) == Decimal("14.97")


def test_gbp_for_uk_merchant():
    assert money(Decimal("1234.5"), "GBP", "en_GB") == "£1,234.50"


@pytest.mark.failure(category="other", library="decimal", dist=None, shape="assert", cause="decimal-rounding-mode")
def test_vat_rounds_half_up():
    assert vat(Decimal("0.125")) == Decimal("0.03")


@pytest.mark.failure(category="other", library="decimal", dist=None, shape="assert", cause="decimal-rounding-mode")
def test_invoice_total_rounds_half_up():
    assert line_total(Decimal("0.125"), 1) == Decimal("0.13")


@pytest.mark.failure(category="other", library="decimal", dist=None, shape="raised", cause="decimal-invalid-operation")
def test_surcharge_from_rate_card():
    assert fuel_surcharge("3.5%", Decimal("100.00")) == Decimal("3.50")


@pytest.mark.failure(category="other", library="decimal", dist=None, shape="raised", cause="zero-division")
def test_cost_per_parcel_for_empty_manifest():
    assert per_parcel_cost(Decimal("0.00"), 0) == Decimal("0.00")


@pytest.mark.failure(category="other", library="babel", dist="babel", shape="assert", cause="locale-number-format")
def test_euro_amount_for_german_merchant():
    assert money(Decimal("1234.5"), "EUR", "de_DE") == "1.234,50 €"


@pytest.mark.failure(category="other", library="babel", dist="babel", shape="assert", cause="locale-number-format")
def test_weight_for_french_label():
    assert weight(1234.5, "fr_FR") == "1 234,5"


@pytest.mark.failure(category="other", library="babel", dist="babel", shape="assert", cause="locale-date-format")
def test_due_date_for_us_merchant():
    assert due_date(date(2026, 12, 1), "en_US") == "1 December 2026"
