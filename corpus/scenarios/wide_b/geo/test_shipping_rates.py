import json
from decimal import Decimal

import httpretty
import pytest

from .shipping_rates import FREIGHT_API, quote, zones

QUOTE_OK = {"quote": {"total": {"amount": "12.40", "currency": "EUR"}}}


@pytest.fixture
def freight():
    httpretty.enable(allow_net_connect=False)
    yield httpretty
    httpretty.disable()
    httpretty.reset()


def test_domestic_quote(freight):
    freight.register_uri(freight.POST, f"{FREIGHT_API}/quotes", body=json.dumps(QUOTE_OK), content_type="application/json")
    assert quote("LS1", "YO1", 2.0) == Decimal("12.40")


@pytest.mark.failure(category="6", library="httpretty", dist="httpretty", shape="raised", cause="endpoint-not-mocked")
def test_zones_available(freight):
    freight.register_uri(freight.GET, f"{FREIGHT_API}/zone", body=json.dumps({"zones": [{"code": "EU"}]}))
    assert zones() == ["EU"]


@pytest.mark.failure(category="6", library="httpretty", dist="httpretty", shape="raised", cause="mock-payload-schema-mismatch")
def test_international_quote(freight):
    # fixture recorded before the partner moved amounts into "total"
    freight.register_uri(freight.POST, f"{FREIGHT_API}/quotes", body=json.dumps({"quote": {"amount": "31.90", "currency": "EUR"}}))
    assert quote("LS1", "75001", 2.0) == Decimal("31.90")


@pytest.mark.failure(category="6", library="httpretty", dist="httpretty", shape="raised", cause="mock-amount-type-mismatch")
def test_quote_amount_is_decimal(freight):
    freight.register_uri(freight.POST, f"{FREIGHT_API}/quotes", body=json.dumps({"quote": {"total": {"amount": {"units": 12, "nanos": 400000000}}}}))
    assert quote("LS1", "YO1", 2.0) == Decimal("12.40")


@pytest.mark.failure(category="6", library="httpretty", dist="httpretty", shape="raised", cause="mock-non-json-body")
def test_bulky_item_quote(freight):
    freight.register_uri(freight.POST, f"{FREIGHT_API}/quotes", body="<quote><total>88.00</total></quote>", content_type="text/xml")
    assert quote("LS1", "YO1", 40.0) == Decimal("88.00")
