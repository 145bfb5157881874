from decimal import Decimal

import httpx
import pytest

from .market_client import FxClient, RateLimited


def provider_v1(request: httpx.Request) -> httpx.Response:
    """Stub of the FX provider captured before its v2 migration."""
    if request.url.path == "/latest":
        return httpx.Response(200, json={"base": request.url.params["base"], "rates": [{"code": "USD", "rate": 1.08}]})
    return httpx.Response(404, json={"error": "unknown endpoint"})


@pytest.mark.failure(category="6", library="httpx", dist="httpx", shape="raised", cause="mock-payload-wrong-type")
def test_convert_with_stubbed_provider():
    fx = FxClient(transport=httpx.MockTransport(provider_v1))
    assert fx.convert(Decimal("2"), "EUR", "USD") == Decimal("2.16")


@pytest.mark.failure(category="6", library="httpx", dist="httpx", shape="raised", cause="mock-status-code-mismatch")
def test_convert_historic_rate():
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path != "/latest":
            return httpx.Response(404)
        return httpx.Response(301, headers={"Location": "https://fx.example.com/v2/latest"})

    fx = FxClient(transport=httpx.MockTransport(handler))
    assert fx.convert(Decimal("1"), "EUR", "USD") > 0


@pytest.mark.failure(category="6", library="httpx", dist="httpx", shape="raised", cause="mock-429-missing-retry-after")
def test_quota_exhaustion_is_reported():
    fx = FxClient(transport=httpx.MockTransport(lambda request: httpx.Response(429, text="slow down")))
    with pytest.raises(RateLimited):
        fx.convert(Decimal("1"), "EUR", "USD")


@pytest.mark.failure(category="6", library="httpx", dist="httpx", shape="assert", cause="mock-does-not-simulate-timeout")
def test_fx_provider_timeout_handled():
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(200, json={"rates": {"USD": 1.1}})

    fx = FxClient(transport=httpx.MockTransport(handler))
    with pytest.raises(httpx.ReadTimeout):
        fx.convert(Decimal("1"), "EUR", "USD")
