import pytest
from httmock import HTTMock, all_requests, urlmatch

from .carriers import ShipFast


# canned replies written from the v1 documentation of the ShipFast API
@urlmatch(netloc=r"api\.shipfast\.example", path=r"/v2/quotes$", method="POST")
def quote_v1(url, request):
    return {"status_code": 200, "content": {"price_cents": 1250, "currency": "EUR"}}


@urlmatch(netloc=r"api\.shipfast\.example", path=r"/v2/shipments/[A-Z0-9]+$")
def shipment(url, request):
    return {"status_code": 200, "content": {"tracking": "SF123", "state": "in_transit"}}


@urlmatch(netloc=r"api\.shipfast\.example", path=r"/v2/shipments/[A-Z0-9]+/eta$")
def eta(url, request):
    return {"status_code": 200, "content": {"eta": {"days": "two"}}}


def test_label_url():
    @all_requests
    def label(url, request):
        return {"status_code": 200, "content": {"url": "https://labels.shipfast.example/SF123.pdf"}}

    with HTTMock(label):
        assert ShipFast().label_url("SF123").endswith("SF123.pdf")


@pytest.mark.failure(category="6", library="httmock", shape="raised", cause="canned-response-uses-old-field-names")
def test_quote_for_small_parcel():
    with HTTMock(quote_v1):
        assert ShipFast().quote(1.2, "EU-1") == 1250


@pytest.mark.failure(category="6", library="httmock", shape="raised", cause="canned-response-uses-old-field-names")
def test_track_parcel():
    with HTTMock(shipment):
        assert ShipFast().track("SF123") == "in_transit"


@pytest.mark.failure(category="6", library="httmock", shape="raised", cause="unmocked-route-falls-through-to-network")
def test_eta_for_parcel():
    with HTTMock(shipment):
        assert ShipFast().eta_days("SF123") == 2


@pytest.mark.failure(category="6", library="httmock", shape="raised", cause="canned-response-wrong-value-type")
def test_eta_in_days():
    with HTTMock(eta, shipment):
        assert ShipFast().eta_days("SF123") == 2


@pytest.mark.failure(category="other", library="httmock", shape="raised", cause="wrong-url-in-app-code")
def test_cancel_shipment():
    @urlmatch(netloc=r"api\.shipfast\.example", path=r"/v2/shipments/[A-Z0-9]+$", method="DELETE")
    def cancel(url, request):
        return {"status_code": 200, "content": {"cancelled": True}}

    @all_requests
    def not_found(url, request):
        return {"status_code": 404, "content": {"error": "no such route"}}

    with HTTMock(cancel, not_found):
        assert ShipFast().cancel("SF123") is True
