from decimal import Decimal

import pytest
import requests
import requests_mock

from .market_client import MARKET_URL, PAYMENTS_URL, MarketDataClient, PaymentsClient, PriceServiceError


@pytest.mark.failure(category="6", library="requests-mock", dist="requests-mock", shape="raised", cause="no-mock-address")
def test_quote_endpoint_response(requests_mock):
    requests_mock.get(f"{MARKET_URL}/v2/quote/AAPL", json={"quote": {"symbol": "AAPL"}})
    quote = MarketDataClient().get_quote("AAPL")
    assert quote.symbol == "AAPL"


@pytest.mark.failure(category="6", library="requests-mock", dist="requests-mock", shape="raised", cause="mock-payload-missing-field")
def test_price_endpoint_response(requests_mock):
    requests_mock.get(f"{MARKET_URL}/v2/prices", json={"symbol": "AAPL", "price": 189.5})
    assert MarketDataClient().get_price("AAPL") == Decimal("189.5")


@pytest.mark.failure(category="6", library="requests-mock", dist="requests-mock", shape="raised", cause="mock-payload-schema-mismatch")
def test_external_api_call(requests_mock):
    requests_mock.get(
        f"{MARKET_URL}/v2/quotes/AMZN",
        json={"quote": {"symbol": "AMZN", "price": "183.2", "currency": "USD", "asOf": "2024-05-02T15:59:00Z"}},
    )
    quote = MarketDataClient().get_quote("AMZN")
    assert quote.currency == "USD"


@pytest.mark.failure(category="6", library="requests-mock", dist="requests-mock", shape="raised", cause="complete-qs-mismatch")
def test_price_lookup_adjusted_close():
    with requests_mock.Mocker() as m:
        m.get(f"{MARKET_URL}/v2/prices?symbol=meta&adjusted=true", complete_qs=True, json={"data": {"price": 470}})
        assert MarketDataClient().get_price("META") == Decimal("470")


@pytest.mark.failure(category="6", library="requests-mock", dist="requests-mock", shape="assert", cause="mock-request-body-mismatch")
def test_charge_payload_matches_provider_contract(requests_mock):
    adapter = requests_mock.post(f"{PAYMENTS_URL}/v1/charges", json={"id": "ch_1", "status": "succeeded", "amount": 700})
    PaymentsClient().create_charge(700, "usd", "cus_3")
    assert adapter.last_request.json() == {"amount": 700, "currency": "usd", "customer": "cus_3", "capture": True}


@pytest.mark.failure(category="6", library="requests-mock", dist="requests-mock", shape="raised", cause="mock-exception-type-mismatch")
def test_price_outage_reported_as_service_error(requests_mock):
    requests_mock.get(f"{MARKET_URL}/v2/prices", exc=requests.exceptions.ReadTimeout)
    with pytest.raises(PriceServiceError):
        MarketDataClient().get_price_or_fail("AMD")


@pytest.mark.failure(category="6", library="requests-mock", dist="requests-mock", shape="raised", cause="mock-status-code-mismatch")
def test_refund_of_already_refunded_charge(requests_mock):
    requests_mock.post(f"{PAYMENTS_URL}/v1/refunds", status_code=400, json={"error": {"code": "charge_already_refunded"}})
    refund = PaymentsClient().refund("ch_1")
    assert refund["error"]["code"] == "charge_already_refunded"


@pytest.mark.failure(category="6", library="requests-mock", dist="requests-mock", shape="assert", cause="mock-call-count-mismatch")
def test_price_is_cached_between_calls(requests_mock):
    adapter = requests_mock.get(f"{MARKET_URL}/v2/prices", json={"data": {"price": 10}})
    client = MarketDataClient()
    client.get_price("IBM")
    client.get_price("IBM")
    assert adapter.call_count == 1
