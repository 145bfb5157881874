from decimal import Decimal

import httpx
import pytest
import respx

from .market_client import AsyncMarketClient, FxClient, RateLimited

QUOTE = {"symbol": "AAPL", "price": "189.12", "currency": "USD", "as_of": "2024-05-02T15:59:00Z"}


@pytest.mark.failure(category="6", library="respx", dist="respx", shape="raised", cause="route-not-mocked")
@respx.mock(base_url="https://fx.example.com")
def test_convert_eur_to_usd(respx_mock):
    respx_mock.get("/v1/latest").respond(json={"base": "EUR", "rates": {"USD": 1.08}})
    fx = FxClient()
    assert fx.convert(Decimal("100"), "EUR", "USD") == Decimal("108.00")


@pytest.mark.failure(category="6", library="respx", dist="respx", shape="raised", cause="params-not-matched")
@respx.mock(assert_all_called=False)
def test_convert_gbp_rates():
    respx.get("https://fx.example.com/latest", params={"base": "GBP", "symbols": "usd"}).respond(
        json={"rates": {"USD": 1.27}}
    )
    fx = FxClient()
    assert fx.convert(Decimal("10"), "GBP", "USD") == Decimal("12.70")


@pytest.mark.failure(category="6", library="respx", dist="respx", shape="raised", cause="mock-payload-missing-field")
@respx.mock
def test_convert_handles_weekend_rates():
    respx.get("https://fx.example.com/latest").respond(json={"base": "EUR", "date": "2024-05-04", "quotes": {"USD": 1.07}})
    fx = FxClient()
    assert fx.convert(Decimal("1"), "EUR", "USD") == Decimal("1.07")


@pytest.mark.failure(category="6", library="respx", dist="respx", shape="assert", cause="mock-does-not-simulate-timeout")
@respx.mock
def test_convert_returns_none_when_fx_provider_times_out():
    respx.get("https://fx.example.com/latest").respond(status_code=200, json={"rates": {"JPY": 155.2}})
    fx = FxClient()
    assert fx.convert_with_fallback(Decimal("1"), "USD", "JPY") is None


@pytest.mark.failure(category="6", library="respx", dist="respx", shape="raised", cause="mock-429-missing-retry-after")
@respx.mock
def test_rate_limited_conversion_reports_retry_after():
    respx.get("https://fx.example.com/latest").respond(status_code=429, json={"error": "quota exceeded"})
    fx = FxClient()
    with pytest.raises(RateLimited) as excinfo:
        fx.convert(Decimal("1"), "USD", "CHF")
    assert excinfo.value.retry_after == 30


@pytest.mark.failure(category="6", library="respx", dist="respx", shape="raised", cause="mock-side-effect-wrong-exception")
@respx.mock
def test_convert_falls_back_on_slow_provider():
    respx.get("https://fx.example.com/latest").mock(side_effect=httpx.ConnectTimeout)
    fx = FxClient()
    assert fx.convert_with_fallback(Decimal("5"), "USD", "EUR") is None


@pytest.mark.failure(category="6", library="respx", dist="respx", shape="teardown", cause="routes-not-called")
@pytest.mark.respx(assert_all_called=True)
def test_quote_prefetch_uses_batch_endpoint(respx_mock):
    respx_mock.get("https://fx.example.com/latest").respond(json={"rates": {"USD": 1.0}})
    respx_mock.get("https://fx.example.com/batch", name="batch_rates").respond(json={"rates": {}})
    fx = FxClient()
    fx.convert(Decimal("1"), "USD", "USD")


@pytest.mark.failure(category="6", library="respx", dist="respx", shape="async", cause="mock-payload-schema-mismatch")
@pytest.mark.asyncio
async def test_async_quote_parsed():
    async with respx.mock(base_url="https://api.marketdata.example.com") as mock:
        mock.get("/v2/quotes/AAPL").respond(json={"quote": {**QUOTE, "price": None, "lastPrice": "189.12"}})
        client = AsyncMarketClient()
        quote = await client.get_quote("AAPL")
    assert quote.price == Decimal("189.12")


@pytest.mark.failure(category="6", library="respx", dist="respx", shape="async", cause="mock-payload-wrong-type")
@pytest.mark.asyncio
async def test_async_quote_list_response():
    async with respx.mock(base_url="https://api.marketdata.example.com") as mock:
        mock.get("/v2/quotes/MSFT").respond(json=[{**QUOTE, "symbol": "MSFT"}])
        client = AsyncMarketClient()
        quote = await client.get_quote("MSFT")
    assert quote.symbol == "MSFT"


@pytest.mark.failure(category="6", library="respx", dist="respx", shape="async", cause="route-not-mocked")
@pytest.mark.asyncio
async def test_async_quote_for_index_symbol():
    async with respx.mock(base_url="https://api.marketdata.example.com", assert_all_called=False) as mock:
        mock.get("/v2/quotes/SPX").respond(json={"quote": {**QUOTE, "symbol": "SPX"}})
        client = AsyncMarketClient()
        quote = await client.get_quote("^SPX")
    assert quote.symbol == "SPX"
