import json

import pytest
import requests

from .carriers import ShipFast

# the stand-in serves what the partner's sandbox returned when the stub was written
SANDBOX_QUOTE = {"price": {"amount": 1250, "currency": "EUR"}}


@pytest.fixture
def shipfast(httpserver):
    client = ShipFast(base=httpserver.url + "/v2")
    client.sandbox = httpserver
    return client


def test_quote_from_sandbox(shipfast):
    shipfast.sandbox.serve_content(json.dumps({"price": {"amount_cents": 990}}), headers={"Content-Type": "application/json"})
    assert shipfast.quote(0.5, "EU-1") == 990


@pytest.mark.failure(category="6", library="pytest-localserver", shape="raised", cause="stand-in-payload-schema-drift")
def test_quote_for_heavy_parcel(shipfast):
    shipfast.sandbox.serve_content(json.dumps(SANDBOX_QUOTE), headers={"Content-Type": "application/json"})
    assert shipfast.quote(20, "EU-2") == 1250


@pytest.mark.failure(category="6", library="pytest-localserver", shape="raised", cause="stand-in-serves-html-not-json")
def test_tracking_status(shipfast):
    shipfast.sandbox.serve_content("<html><body>in_transit</body></html>")
    assert shipfast.track("SF777") == "in_transit"


@pytest.mark.failure(category="6", library="pytest-localserver", shape="assert", cause="stand-in-missing-retry-after-header")
def test_tracking_retries_after_rate_limit(shipfast):
    shipfast.sandbox.serve_content("", code=429)
    with pytest.raises(requests.HTTPError) as info:
        shipfast.track("SF777")
    retry_after = info.value.response.headers.get("Retry-After")
    assert retry_after == "2"
