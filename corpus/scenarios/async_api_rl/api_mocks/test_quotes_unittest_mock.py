"""Tests that stub the HTTP layer with unittest.mock instead of a transport-level mock."""

from decimal import Decimal
from unittest import mock

import httpx
import pytest
import requests

from .market_client import FxClient, MarketDataClient, PaymentsClient, PriceServiceError


class PortfolioValuer:
    def __init__(self, market: MarketDataClient) -> None:
        self.market = market

    def value(self, positions: dict[str, int]) -> Decimal:
        return sum((self.market.get_price(sym) * qty for sym, qty in positions.items()), Decimal(0))

    def value_in(self, positions: dict[str, int], currency: str) -> Decimal:
        return self.market.get_price_in(next(iter(positions)), currency=currency)


@pytest.mark.failure(category="6", library="unittest.mock", dist=None, shape="raised", cause="mock-returns-mock-not-dict")
def test_recommendation_engine_api_data_ingestion():
    session = mock.Mock(spec=requests.Session)
    session.get.return_value.status_code = 200
    client = MarketDataClient(session=session)
    assert client.get_price("AAPL") > 0


@pytest.mark.failure(category="6", library="unittest.mock", dist=None, shape="raised", cause="mock-returns-magicmock-text")
def test_rates_snapshot_parsed():
    with mock.patch.object(httpx.Client, "get") as fake_get:
        fake_get.return_value.status_code = 200
        fx = FxClient()
        rates = fx.parse_rates(fx.client.get("/latest").text)
    assert rates["USD"] == 1.08


@pytest.mark.failure(category="6", library="unittest.mock", dist=None, shape="raised", cause="autospec-signature-drift")
def test_portfolio_value_in_eur():
    market = mock.create_autospec(MarketDataClient, instance=True)
    market.get_price.return_value = Decimal("10")
    valuer = PortfolioValuer(market)
    assert valuer.value_in({"AAPL": 3}, "EUR") == Decimal("30")


@pytest.mark.failure(category="6", library="unittest.mock", dist=None, shape="raised", cause="autospec-signature-drift")
def test_charge_created_for_customer():
    with mock.patch.object(PaymentsClient, "create_charge", autospec=True) as create_charge:
        create_charge.return_value = {"id": "ch_1", "status": "succeeded", "amount": 100}
        client = PaymentsClient()
        result = client.create_charge(amount_cents=100, currency="usd", customer="cus_1", metadata={"order": 9})
    assert result["status"] == "succeeded"


@pytest.mark.failure(category="6", library="unittest.mock", dist=None, shape="raised", cause="mock-payload-wrong-type")
def test_portfolio_value_sums_positions():
    with mock.patch("requests.Session.get") as fake_get:
        fake_get.return_value.status_code = 200
        fake_get.return_value.json.return_value = [{"symbol": "AAPL", "price": 190.0}]
        valuer = PortfolioValuer(MarketDataClient())
        assert valuer.value({"AAPL": 2}) == Decimal("380.0")


@pytest.mark.failure(category="6", library="unittest.mock", dist=None, shape="raised", cause="mock-returns-dict-not-response")
def test_refund_uses_session_post():
    session = mock.Mock()
    session.post.return_value = {"id": "re_5", "status": "succeeded"}
    refund = PaymentsClient(session=session).refund("ch_5")
    assert refund["id"] == "re_5"


@pytest.mark.failure(category="6", library="unittest.mock", dist=None, shape="assert", cause="mock-does-not-simulate-timeout")
def test_fx_timeout_falls_back():
    with mock.patch.object(httpx.Client, "get") as fake_get:
        fake_get.return_value = httpx.Response(200, json={"rates": {"USD": 1.1}}, request=httpx.Request("GET", "https://fx.example.com/latest"))
        assert FxClient().convert_with_fallback(Decimal(1), "EUR", "USD") is None


@pytest.mark.failure(category="6", library="unittest.mock", dist=None, shape="chained", cause="mock-exception-type-mismatch")
def test_price_outage_surfaces_service_error():
    with mock.patch("requests.Session.get", side_effect=requests.Timeout("read timed out")):
        try:
            MarketDataClient().get_price_or_fail("AMD")
        except requests.Timeout as exc:
            raise AssertionError("client leaked a transport exception instead of PriceServiceError") from exc


@pytest.mark.failure(category="6", library="unittest.mock", dist=None, shape="assert", cause="mock-called-with-stale-signature")
def test_price_request_includes_timeout():
    with mock.patch("requests.Session.get") as fake_get:
        fake_get.return_value.status_code = 200
        fake_get.return_value.json.return_value = {"data": {"price": 5}}
        MarketDataClient().get_price("F")
    fake_get.assert_called_once_with("https://api.marketdata.example.com/v2/prices", params={"symbol": "F"}, timeout=10)
