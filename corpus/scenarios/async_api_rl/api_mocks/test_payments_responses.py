from decimal import Decimal

import pytest
import requests
import responses
from responses import matchers
from responses.registries import OrderedRegistry

from .market_client import MARKET_URL, PAYMENTS_URL, MarketDataClient, PaymentsClient, PriceServiceError, RateLimited


@pytest.mark.failure(category="6", library="responses", dist="responses", shape="raised", cause="method-not-mocked")
@responses.activate
def test_create_charge_returns_id():
    responses.get(f"{PAYMENTS_URL}/v1/charges", json={"id": "ch_1", "status": "succeeded", "amount": 500})
    charge = PaymentsClient().create_charge(500, "usd", "cus_42")
    assert charge["id"] == "ch_1"


@pytest.mark.failure(category="6", library="responses", dist="responses", shape="raised", cause="json-body-matcher-mismatch")
@responses.activate
def test_create_charge_sends_expected_payload():
    responses.post(
        f"{PAYMENTS_URL}/v1/charges",
        json={"id": "ch_2", "status": "pending", "amount": 1250},
        match=[matchers.json_params_matcher({"amount": 1250, "currency": "EUR", "customer": "cus_7"})],
    )
    charge = PaymentsClient().create_charge(1250, "eur", "cus_7")
    assert charge["status"] == "pending"


@pytest.mark.failure(category="6", library="responses", dist="responses", shape="raised", cause="query-param-matcher-mismatch")
@responses.activate
def test_price_lookup_uses_symbol_param():
    responses.get(
        f"{MARKET_URL}/v2/prices",
        json={"data": {"price": 412.3}},
        match=[matchers.query_param_matcher({"symbol": "MSFT", "venue": "XNAS"})],
    )
    assert MarketDataClient().get_price("MSFT") == Decimal("412.3")


@pytest.mark.failure(category="6", library="responses", dist="responses", shape="raised", cause="mock-payload-missing-field")
@responses.activate
def test_create_charge_maps_amount():
    responses.post(f"{PAYMENTS_URL}/v1/charges", json={"id": "ch_3", "status": "succeeded", "amount_captured": 900})
    charge = PaymentsClient().create_charge(900, "usd", "cus_1")
    assert charge["amount"] == 900


@pytest.mark.failure(category="6", library="responses", dist="responses", shape="raised", cause="mock-wrong-content-type")
@responses.activate
def test_refund_confirmation_parsed():
    responses.post(f"{PAYMENTS_URL}/v1/refunds", body="OK", content_type="text/plain")
    refund = PaymentsClient().refund("ch_3")
    assert refund["status"] == "succeeded"


@pytest.mark.failure(category="6", library="responses", dist="responses", shape="assert", cause="not-all-requests-fired")
def test_charge_then_refund_flow():
    with responses.RequestsMock(assert_all_requests_are_fired=True) as rsps:
        rsps.post(f"{PAYMENTS_URL}/v1/charges", json={"id": "ch_9", "status": "succeeded", "amount": 100})
        rsps.post(f"{PAYMENTS_URL}/v1/refunds", json={"id": "re_1", "status": "succeeded"})
        rsps.get(f"{PAYMENTS_URL}/v1/balance", json={"available": [{"amount": 0}]})
        client = PaymentsClient()
        charge = client.create_charge(100, "usd", "cus_5")
        client.refund(charge["id"])


@pytest.mark.failure(category="6", library="responses", dist="responses", shape="raised", cause="ordered-registry-out-of-order")
@responses.activate(registry=OrderedRegistry)
def test_refund_follows_charge():
    responses.post(f"{PAYMENTS_URL}/v1/charges", json={"id": "ch_10", "status": "succeeded", "amount": 100})
    responses.post(f"{PAYMENTS_URL}/v1/refunds", json={"id": "re_2", "status": "succeeded"})
    client = PaymentsClient()
    client.refund("ch_10")
    client.create_charge(100, "usd", "cus_5")


@pytest.mark.failure(category="6", library="responses", dist="responses", shape="raised", cause="mock-429-missing-retry-after")
@responses.activate
def test_price_lookup_rate_limited():
    responses.get(f"{MARKET_URL}/v2/prices", status=429, json={"message": "Too many requests"})
    with pytest.raises(RateLimited):
        MarketDataClient().get_price("TSLA")


@pytest.mark.failure(category="6", library="responses", dist="responses", shape="raised", cause="mock-payload-wrong-type")
@responses.activate
def test_price_history_parses_points():
    responses.get(
        f"{MARKET_URL}/v2/history/AAPL",
        json={"points": [{"ts": 1714665540, "close": 189.1}, {"ts": 1714751940, "close": 190.4}]},
    )
    history = MarketDataClient().price_history("AAPL")
    assert len(history) == 2


@pytest.mark.failure(category="6", library="responses", dist="responses", shape="raised", cause="mock-missing-pagination-header")
@responses.activate
def test_list_symbols_follows_pagination():
    page1 = f"{MARKET_URL}/v2/exchanges/XNYS/symbols"
    responses.get(page1, json={"results": [{"ticker": "IBM"}, {"ticker": "KO"}], "next": f"{page1}?page=2"})
    responses.get(f"{page1}?page=2", json={"results": [{"ticker": "PG"}]}, match=[matchers.query_string_matcher("page=2")])
    assert MarketDataClient().list_symbols("XNYS") == ["IBM", "KO", "PG"]


@pytest.mark.failure(category="6", library="responses", dist="responses", shape="chained", cause="unmatched-request-wrapped")
@responses.activate
def test_price_service_error_message():
    responses.get(f"{MARKET_URL}/v1/prices", json={"data": {"price": 1}})
    MarketDataClient().get_price_or_fail("NVDA")


@pytest.mark.failure(category="6", library="responses", dist="responses", shape="raised", cause="mock-retry-after-format")
@responses.activate
def test_charge_lookup_retries_once_after_429():
    url = f"{PAYMENTS_URL}/v1/charges/ch_77"
    responses.get(url, status=429, headers={"Retry-After": "Wed, 21 Oct 2026 07:28:00 GMT"})
    responses.get(url, json={"id": "ch_77", "status": "succeeded"})
    PaymentsClient().get_charge_with_retry("ch_77")
    assert responses.assert_call_count(url, 2)
