import httpx
import pytest

from .tracking import AsyncTrackingClient, TrackingClient

M = dict(library="httpx-mocktransport", dist="httpx")


@pytest.fixture
def tracking(carrier_http):
    return TrackingClient(carrier_http)


@pytest.mark.failure(category="6", shape="raised", cause="fixture-payload-uses-snake-case-v2-fields", **M)
def test_in_transit_shipment(tracking):
    assert tracking.shipment("1Z999AA10123456784").status == "IN_TRANSIT"


@pytest.mark.failure(category="6", shape="raised", cause="status-is-string-not-object-in-mock", **M)
def test_delivered_shipment_has_no_eta(tracking):
    assert tracking.shipment("JD014600006281230").eta is None


@pytest.mark.failure(category="6", shape="raised", cause="events-endpoint-mock-missing-data-envelope", **M)
def test_tracking_history(tracking):
    assert tracking.events("1Z999AA10123456784")[0] == "Picked up"


@pytest.mark.failure(category="6", shape="raised", cause="mock-returns-200-body-instead-of-202-location", **M)
def test_book_pickup_returns_id(tracking):
    assert tracking.book_pickup({"postcode": "10115", "country": "DE"}, parcels=2) == "PU-5561"


@pytest.mark.failure(category="other", library="httpx", shape="raised", cause="test-expects-keyerror-for-404")
def test_unknown_tracking_number(tracking):
    with pytest.raises(KeyError):
        tracking.shipment("XX000000000")


@pytest.mark.failure(category="6", shape="async", cause="status-is-string-not-object-in-mock", **M)
async def test_async_status_for_widget(async_carrier_http):
    client = AsyncTrackingClient(async_carrier_http)
    assert await client.status("JD014600006281230") == "DELIVERED"


@pytest.mark.failure(category="6", shape="async", cause="timestamp-is-epoch-int-in-mock-iso-string-in-api", **M)
async def test_delivery_time_shown_to_customer(async_carrier_http):
    client = AsyncTrackingClient(async_carrier_http)
    assert (await client.delivered_at("JD014600006281230")).hour == 17
