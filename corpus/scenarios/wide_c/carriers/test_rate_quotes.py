import json

import httpx
import pytest

from .tracking import QuoteRejected, RateQuoteClient, RetryLater

M = dict(library="httpx-mocktransport", dist="httpx")


def rating_api(request: httpx.Request) -> httpx.Response:
    """Stand-in for the rating API, written against the 2022 sandbox."""
    if request.url.path == "/v3/services":
        return httpx.Response(200, json={"data": [{"code": "EXPRESS"}, {"code": "ECONOMY"}], "next_page": None})
    body = json.loads(request.content)
    if body["to"] == "XX":
        return httpx.Response(422, json={"error": "unsupported destination"})
    if body["weight"] > 30000:
        return httpx.Response(429, json={"message": "slow down"})
    return httpx.Response(200, json={"data": {"attributes": {"totalCharge": {"amountCents": 1290, "currency": "EUR"}}}})


@pytest.fixture
def rates():
    with httpx.Client(transport=httpx.MockTransport(rating_api), base_url="https://rating.carrier.test") as client:
        yield RateQuoteClient(client)


def test_domestic_quote(rates):
    assert rates.quote("DE", "DE", 1200) == 1290


@pytest.mark.failure(category="6", shape="raised", cause="mock-429-lacks-retry-after-header", **M)
def test_heavy_parcel_is_throttled(rates):
    with pytest.raises(RetryLater):
        rates.quote("DE", "FR", 31000)


@pytest.mark.failure(category="6", shape="raised", cause="mock-error-body-not-problem-json", **M)
def test_unsupported_destination_is_rejected(rates):
    with pytest.raises(QuoteRejected):
        rates.quote("DE", "XX", 500)


@pytest.mark.failure(category="6", shape="raised", cause="mock-pagination-links-missing", **M)
def test_service_catalogue(rates):
    assert rates.all_services() == ["EXPRESS", "ECONOMY"]


@pytest.mark.failure(category="6", shape="assert", cause="mock-never-simulates-timeout", **M)
def test_slow_rating_api_falls_back():
    def slow_api(request):
        return httpx.Response(200, json={"data": {"attributes": {"totalCharge": {"amountCents": 1290}}}})

    with httpx.Client(transport=httpx.MockTransport(slow_api), base_url="https://rating.carrier.test") as client:
        assert RateQuoteClient(client).quote_with_fallback("DE", "AT", 800) == 999


@pytest.mark.failure(category="other", library="httpx", shape="raised", cause="bad-input-weight-as-string")
def test_quote_from_csv_import(rates):
    row = {"from": "DE", "to": "NL", "weight": "1,5 kg"}
    assert rates.quote(row["from"], row["to"], int(row["weight"])) == 1290
