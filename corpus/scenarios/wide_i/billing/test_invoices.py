from datetime import date, datetime
from decimal import Decimal

import pytest
from fastapi.testclient import TestClient

from . import invoices as inv


@pytest.mark.failure(category="other", library="decimal", dist=None, shape="assert", cause="bankers-rounding-expected-half-up")
def test_line_total_rounds_half_up():
    assert inv.line_total(Decimal("2.125"), 1, Decimal("0")) == Decimal("2.13")


@pytest.mark.failure(category="other", library="decimal", dist=None, shape="assert", cause="split-loses-cent")
def test_split_sums_to_amount():
    shares = inv.split_evenly(Decimal("100.00"), 3)
    assert sum(shares) == Decimal("100.00")


@pytest.mark.failure(category="other", library="list-slicing", dist=None, shape="assert", cause="pagination-off-by-one")
def test_second_page_has_ten_rows():
    rows = list(range(35))
    assert len(inv.paginate(rows, 1)) == 10


@pytest.mark.failure(category="other", library="int", dist=None, shape="assert", cause="page-count-floor-division")
def test_page_count_includes_partial_page():
    assert inv.page_count(35, 10) == 4


@pytest.mark.failure(category="other", library="re", dist=None, shape="assert", cause="slug-trailing-dash")
def test_invoice_slug():
    assert inv.slugify("March invoice (final)!") == "march-invoice-final"


@pytest.mark.failure(category="other", library="datetime", dist=None, shape="assert", cause="statement-period-end-exclusive")
def test_february_statement_period():
    assert inv.statement_period(date(2026, 2, 14)) == (date(2026, 2, 1), date(2026, 2, 28))


@pytest.mark.failure(category="other", library="datetime", dist=None, shape="assert", cause="overdue-days-off-by-one")
def test_overdue_days():
    assert inv.overdue_days(date(2026, 1, 10), date(2026, 1, 17)) == 7


@pytest.mark.failure(category="other", library="sorted", dist=None, shape="assert", cause="ranking-ascending-not-descending")
def test_top_customers_first():
    totals = {"acme": Decimal("120"), "bolt": Decimal("900"), "crane": Decimal("45")}
    assert inv.rank_customers(totals)[:2] == ["bolt", "acme"]


@pytest.mark.failure(category="other", library="str-format", dist=None, shape="assert", cause="thousands-separator-locale-expectation")
def test_amount_formatting_eu():
    assert inv.format_amount(Decimal("1234.5"), "EUR") == "1.234,50 EUR"


@pytest.mark.failure(category="other", library="float", dist=None, shape="assert", cause="percent-change-wrong-denominator")
def test_revenue_growth_percent():
    assert inv.percent_change(200.0, 250.0) == 25.0


@pytest.mark.failure(category="other", library="numpy", shape="assert", cause="round-half-even-mean")
def test_mean_ticket_rounds():
    assert inv.mean_ticket([10.0, 11.0, 12.0, 13.0, 14.0, 15.0]) == 13.0


@pytest.mark.failure(category="other", library="pydantic", shape="assert", cause="validator-lowercases-vat-id")
def test_customer_vat_id_normalised():
    assert inv.Customer(name="Acme", vat_id="DE 123 456 789").vat_id == "DE123456789"


@pytest.mark.failure(category="other", library="fastapi", shape="assert", cause="amount-sent-with-currency-symbol-422")
def test_create_invoice_endpoint():
    client = TestClient(inv.api)
    resp = client.post("/invoices", json={"customer": "acme", "amount": "€120.00"})
    assert resp.status_code == 201


@pytest.mark.failure(category="other", library="fastapi", shape="assert", cause="expected-number-format-wrong")
def test_invoice_number_format():
    client = TestClient(inv.api)
    body = client.post("/invoices", json={"customer": "acme", "amount": "120.00"}).json()
    assert body["number"] == "INV-0001"


@pytest.mark.failure(category="other", library="flask", shape="assert", cause="status-parity-inverted")
def test_paid_invoice_status():
    client = inv.flask_app.test_client()
    resp = client.get("/invoices/41")
    assert resp.status_code == 200
    assert resp.json["status"] == "paid"


@pytest.mark.failure(category="other", library="flask", shape="assert", cause="route-converter-404")
def test_invoice_by_reference():
    client = inv.flask_app.test_client()
    resp = client.get("/invoices/INV-0041")
    assert resp.status_code == 200


@pytest.mark.failure(category="other", library="sqlalchemy", dist="SQLAlchemy", shape="assert", cause="overdue-query-strict-less-than")
def test_overdue_customers(tmp_path):
    assert inv.overdue_customers(f"sqlite:///{tmp_path / 'inv.db'}") == ["acme", "dyna"]


@pytest.mark.failure(category="other", library="asyncio", dist=None, shape="assert", cause="disputed-rule-expected-wrong")
async def test_settle_all_invoices():
    result = await inv.settle_all(["INV-0007", "INV-0008", "INV-0019"])
    assert result == {"INV-0007": "settled", "INV-0008": "settled", "INV-0019": "settled"}


@pytest.mark.failure(category="other", library="datetime", dist=None, shape="assert", cause="strptime-day-month-swapped")
def test_parse_billing_period():
    assert inv.parse_period("2026-03-11") == datetime(2026, 3, 11)


@pytest.mark.failure(category="other", library="dict", dist=None, shape="raised", cause="keyerror-in-test-on-renamed-key")
def test_invoice_payload_has_total():
    client = TestClient(inv.api)
    body = client.post("/invoices", json={"customer": "bolt", "amount": "80.00"}).json()
    assert body["total"] == "80.00"


@pytest.mark.failure(category="other", library="fastapi", shape="assert", cause="list-route-not-defined-405")
def test_list_invoices_endpoint():
    client = TestClient(inv.api)
    resp = client.get("/invoices")
    assert resp.status_code == 200


@pytest.mark.failure(category="other", library="asyncio", dist=None, shape="assert", cause="lexicographic-sort-of-ids")
async def test_settled_invoices_sorted():
    result = await inv.settle_all(["INV-10", "INV-2", "INV-7"])
    assert sorted(result) == ["INV-2", "INV-7", "INV-10"]
