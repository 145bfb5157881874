import json
from decimal import Decimal

import pytest

from shop.receipts import Receipt, ReceiptLine, export_json, render_text

from .conftest import scaled


def _receipt(n: int) -> Receipt:
    return Receipt(order_id=1000 + n,
                   lines=[ReceiptLine(f"SKU-{i}", i % 3 + 1, Decimal("4.99") + i) for i in range(1, n % 5 + 2)])


@pytest.mark.parametrize("n", scaled(4, 10))
def test_render_text(n):
    text = render_text(_receipt(n))
    assert text.startswith(f"Order #{1000 + n}")
    assert text.splitlines()[-1].endswith(f"{_receipt(n).total}")


def test_subtotal_and_tax():
    r = Receipt(7, [ReceiptLine("SKU-1", 2, Decimal("10.00"))])
    assert (r.subtotal, r.tax, r.total) == (Decimal("20.00"), Decimal("1.60"), Decimal("21.60"))


def test_export_receipt_json():
    doc = json.loads(export_json(_receipt(2)))
    assert doc["order_id"] == 1002


@pytest.mark.parametrize("n", scaled(1, 1))
def test_receipt_roundtrip(n):
    original = _receipt(n + 3)
    doc = json.loads(export_json(original))
    assert Decimal(doc["total"]) == original.total
