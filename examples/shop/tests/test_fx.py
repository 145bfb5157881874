from decimal import Decimal

import httpx
import pytest
import respx

from shop.config import get_settings
from shop.fx import FxClient

from .conftest import scaled

CODES = ["EUR", "GBP", "JPY", "CHF", "CAD", "AUD", "SEK", "NOK", "DKK", "PLN", "CZK"]

# Recorded from the provider's sandbox (used by most FX tests).
RECORDED_LATEST = {
    "base": "USD",
    "date": "2024-03-01",
    "rates": {code: round(0.5 + i * 0.37, 4) for i, code in enumerate(CODES)},
}


@pytest.fixture
def fx_api():
    with respx.mock(base_url=get_settings().fx_base_url, assert_all_called=False) as mock:
        mock.get("/v2/latest").mock(return_value=httpx.Response(200, json=RECORDED_LATEST))
        yield mock


@pytest.fixture
def fx():
    return FxClient(get_settings().fx_base_url)


@pytest.mark.parametrize("code", [CODES[case % len(CODES)] for case in scaled(2, 1)])
def test_price_endpoint_response(fx_api, fx, code):
    rates = fx.latest("USD")
    assert rates[code] == Decimal(str(RECORDED_LATEST["rates"][code]))


def test_fx_timeout_fallback(fx):
    with respx.mock(base_url=get_settings().fx_base_url) as mock:
        mock.get("/v2/latest").mock(side_effect=httpx.ConnectTimeout("timed out"))
        assert fx.latest()["EUR"] == Decimal("0.92")
    assert fx.used_fallback


def test_fx_http_error_raises(fx):
    with respx.mock(base_url=get_settings().fx_base_url) as mock:
        mock.get("/v2/latest").mock(return_value=httpx.Response(503))
        with pytest.raises(httpx.HTTPStatusError):
            fx.latest()


def test_convert_with_v2_payload(fx):
    payload = {"data": {"base": "USD", "rates": {"EUR": 0.9}, "timestamp": 1709251200}}
    with respx.mock(base_url=get_settings().fx_base_url) as mock:
        route = mock.get("/v2/latest", params={"base": "USD"}).mock(
            return_value=httpx.Response(200, json=payload))
        assert fx.convert(Decimal("10.00"), "EUR") == Decimal("9.00")
        assert route.call_count == 1
