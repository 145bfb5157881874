"""Carrier API stand-in: an httpx.MockTransport answering with the payloads the team captured in 2023 (API v2)."""

from __future__ import annotations

import httpx
import pytest

SHIPMENTS = {
    "1Z999AA10123456784": {
        "tracking_number": "1Z999AA10123456784",
        "status": "IN_TRANSIT",
        "estimated_delivery": "2024-05-03T18:00:00+00:00",
        "weight_kg": 1.25,
    },
    "JD014600006281230": {
        "trackingNumber": "JD014600006281230",
        "status": "DELIVERED",
        "estimatedDelivery": None,
        "weight": 2.5,
        "deliveredAt": 1714755600,
    },
}


def carrier_api(request: httpx.Request) -> httpx.Response:
    parts = request.url.path.strip("/").split("/")
    if request.method == "POST" and parts[-1] == "pickups":
        return httpx.Response(200, json={"pickup_id": "PU-5561", "status": "scheduled"})
    number = parts[2]
    if parts[-1] == "events":
        return httpx.Response(200, json={"events": [{"desc": "Picked up"}, {"desc": "Arrived at hub"}]})
    shipment = SHIPMENTS.get(number)
    if shipment is None:
        return httpx.Response(404, json={"errors": [{"status": "404", "title": "Shipment not found"}]})
    return httpx.Response(200, json={"data": {"type": "shipment", "id": number, "attributes": shipment}})


@pytest.fixture
def carrier_http():
    with httpx.Client(transport=httpx.MockTransport(carrier_api), base_url="https://api.carrier.test") as client:
        yield client


@pytest.fixture
async def async_carrier_http():
    async with httpx.AsyncClient(transport=httpx.MockTransport(carrier_api), base_url="https://api.carrier.test") as client:
        yield client
