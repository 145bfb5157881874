from __future__ import annotations

import pytest

from .export import render_summary


def invoice_payload(customer: str, amount: float) -> dict:
    return {"customer": customer, "amount": round(amount, 2), "currency": "EUR", "lines": 2, "version": 4, "tax": round(amount * 0.2, 2)}


@pytest.mark.failure(category="other", library="syrupy", shape="assert", cause="snapshot-mismatch")
def test_invoice_payload(snapshot):
    assert invoice_payload("ACME", 120.5) == snapshot


@pytest.mark.failure(category="other", library="syrupy", shape="assert", cause="snapshot-mismatch")
def test_region_summary_markdown(snapshot):
    rows = [{"region": "north", "revenue": 1600.0}, {"region": "south", "revenue": 950.0}, {"region": "west", "revenue": 0.0}]
    assert render_summary(rows) == snapshot


@pytest.mark.failure(category="other", library="syrupy", shape="assert", cause="snapshot-mismatch")
def test_api_error_body(snapshot):
    body = {"error": {"code": "invoice_locked", "message": "Invoice is locked", "retryable": False, "request_id": None}}
    assert body == snapshot
