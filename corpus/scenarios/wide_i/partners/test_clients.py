from datetime import datetime, timezone
from decimal import Decimal

import httpx
import pytest
import requests
import respx
import responses

from . import clients


@pytest.mark.failure(category="6", library="respx", shape="assert", cause="mock-payload-old-field-last-price")
@respx.mock
def test_quote_price():
    respx.get(f"{clients.QUOTES}/quotes/ACME").mock(
        return_value=httpx.Response(200, json={"symbol": "ACME", "last_price": 101.5, "ts": 1767225600})
    )
    quote = clients.get_quote("ACME")
    assert quote["price"] == 101.5


@pytest.mark.failure(category="6", library="responses", shape="assert", cause="mocked-user-email-moved-to-contact")
@responses.activate
def test_user_email_from_identity_api():
    responses.get(f"{clients.USERS}/users/u-42", json={"id": "u-42", "name": "Ada", "email": "ada@example.com"})
    user = clients.get_user("u-42")
    assert user.email == "ada@example.com"


@pytest.mark.failure(category="6", library="pydantic", shape="assert", cause="stale-mock-missing-field-hidden-by-default")
def test_invoice_currency(requests_mock):
    requests_mock.get(f"{clients.BILLING}/invoices/INV-7", json={"number": "INV-7", "total": "120.00"})
    invoice = clients.get_invoice("INV-7")
    assert invoice.currency == "EUR"


@pytest.mark.failure(category="6", library="requests-mock", dist="requests-mock", shape="assert", cause="mock-429-without-retry-after")
def test_batch_rejected_reports_retry_after(requests_mock):
    requests_mock.post(f"{clients.BILLING}/batches", status_code=429, json={"error": "too_many_requests"})
    client = clients.RateLimited()
    assert client.submit({"lines": 3}) == 429
    assert client.last_retry_after == 30


@pytest.mark.failure(category="6", library="pytest-httpx", dist="pytest-httpx", shape="assert", cause="paginated-mock-uses-old-results-key")
def test_all_orders_listed(httpx_mock):
    httpx_mock.add_response(url=f"{clients.PAY}/orders", json={"results": [{"id": 1}, {"id": 2}, {"id": 3}], "next": None})
    with httpx.Client() as client:
        orders = clients.list_orders(client)
    assert len(orders) == 3


@pytest.mark.failure(category="6", library="respx", shape="assert", cause="mock-amount-in-cents-not-decimal")
@respx.mock
def test_charge_amount():
    respx.get(f"{clients.PAY}/charges/ch_1").respond(
        json={"id": "ch_1", "amount": 1250, "created": "2026-01-05T10:00:00Z"}
    )
    charge = clients.get_charge("ch_1")
    assert charge.amount == Decimal("12.50")


@pytest.mark.failure(category="6", library="responses", shape="assert", cause="mock-error-envelope-old-shape")
@responses.activate
def test_decline_code_surfaced():
    responses.post(f"{clients.PAY}/charges/ch_3/capture", status=402,
                   json={"error": {"type": "card_error", "code": "card_declined", "message": "Your card was declined."}})
    err = clients.capture("ch_3")
    assert err.code == "card_declined"


@pytest.mark.failure(category="6", library="requests-mock", dist="requests-mock", shape="assert", cause="mock-never-times-out")
def test_rate_falls_back_when_partner_slow(requests_mock):
    requests_mock.get(f"{clients.QUOTES}/fx/EURUSD", json={"rate": 1.2})
    rates = clients.RatesClient(budget=0.5)
    rate, source = rates.rate("EURUSD")
    assert source == "cached"
    assert rate == Decimal("1.08")


@pytest.mark.failure(category="6", library="pytest-httpx", dist="pytest-httpx", shape="assert", cause="mock-status-string-vs-object")
def test_shipment_delivered(httpx_mock):
    httpx_mock.add_response(json={"tracking": "1Z999", "status": "delivered"})
    with httpx.Client() as client:
        assert clients.shipment_status(client, "1Z999") == "delivered"


@pytest.mark.failure(category="6", library="responses", shape="assert", cause="mocked-webhook-old-signature-header")
@responses.activate
def test_webhook_signature_verified():
    responses.get("https://hooks.partner.example/v1/replay/evt_9", json={"id": "evt_9"},
                  headers={"X-Hub-Signature": "sha256=ab12"})
    resp = requests.get("https://hooks.partner.example/v1/replay/evt_9", timeout=5)
    assert clients.verify_webhook(dict(resp.headers), "sha256=ab12")


@pytest.mark.failure(category="6", library="respx", shape="assert", cause="mock-quote-missing-ts-field")
@respx.mock
def test_quote_has_timestamp():
    respx.get(f"{clients.QUOTES}/quotes/BOLT").respond(json={"symbol": "BOLT", "price": 7.25, "time": "2026-01-05T10:00:00Z"})
    quote = clients.get_quote("BOLT")
    assert quote == {"symbol": "BOLT", "price": 7.25, "ts": "2026-01-05T10:00:00Z"}


@pytest.mark.failure(category="6", library="responses", shape="raised", cause="keyerror-mock-uses-camelcase-bid")
@responses.activate
def test_best_bid_positive():
    responses.get(f"{clients.QUOTES}/book/ACME", json={"symbol": "ACME", "bidPrice": 101.2, "askPrice": 101.4})
    book = requests.get(f"{clients.QUOTES}/book/ACME", timeout=5).json()
    assert book["bid"] < book["ask"]


def mid_price(book: dict) -> float:
    return round(book["bid"] + book["ask"], 2)


@pytest.mark.failure(category="other", library="respx", shape="assert", cause="mid-price-missing-halving")
@respx.mock
def test_mid_price():
    respx.get(f"{clients.QUOTES}/book/BOLT").respond(json={"symbol": "BOLT", "bid": 7.2, "ask": 7.3})
    book = httpx.get(f"{clients.QUOTES}/book/BOLT").json()
    assert mid_price(book) == 7.25
