import decimal
from datetime import date
from decimal import Decimal

import pytest
from freezegun import freeze_time

from .invoices import Stopwatch, due_date, invoice_number, render_pdf, split_evenly, use_bank_rounding_precision, vat


_freezers = []


@pytest.fixture(scope="module", autouse=True)
def _release_clock():
    yield
    for freezer in _freezers:
        freezer.stop()
    decimal.setcontext(decimal.Context())


def test_due_date_at_month_end():
    freezer = freeze_time("2026-01-31 09:00:00")
    _freezers.append(freezer)
    freezer.start()
    assert due_date() == date(2026, 2, 14)


def test_invoice_number_uses_current_month():
    assert invoice_number(42) == f"INV-{date.today():%Y%m}-00042"


@pytest.mark.failure(category="4", library="freezegun", shape="assert", cause="freezer-started-never-stopped")
def test_pdf_render_time_is_measured():
    with Stopwatch() as sw:
        render_pdf(pages=3)
    assert sw.elapsed >= 0.03


@pytest.mark.failure(category="4", library="freezegun", shape="raised", cause="freezer-started-never-stopped")
def test_invoice_render_throughput():
    with Stopwatch() as sw:
        render_pdf(pages=2)
    pages_per_second = 2 / sw.elapsed
    assert pages_per_second > 1


def test_vat_is_rounded_half_up():
    assert vat(Decimal("10.05")) == Decimal("1.91")


def test_split_uses_bank_precision():
    use_bank_rounding_precision(6)
    assert split_evenly(Decimal("100"), 3) == Decimal("33.3333")


@pytest.mark.failure(category="4", library="decimal", shape="assert", cause="global-decimal-context-precision-leaked")
def test_split_large_settlement():
    assert str(split_evenly(Decimal("1250000.00"), 4)) == "312500.00"


@pytest.mark.failure(category="4", library="decimal", shape="raised", cause="global-decimal-context-precision-leaked")
def test_vat_on_large_invoice():
    assert vat(Decimal("2500000.00")) == Decimal("475000.00")
