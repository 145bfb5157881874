"""Webhook delivery against a local merchant endpoint that allows a fixed number of deliveries per window."""

import json

import pytest
from werkzeug import Request, Response

from .delivery import deliver, deliver_batch

MERCHANT_WINDOW = {"allowed": 4, "seen": 0}


def merchant_endpoint(request: Request) -> Response:
    MERCHANT_WINDOW["seen"] += 1
    if MERCHANT_WINDOW["seen"] > MERCHANT_WINDOW["allowed"]:
        return Response(json.dumps({"error": "too many webhook deliveries"}), status=429, headers={"Retry-After": "30"})
    return Response(status=204)


@pytest.fixture
def merchant_url(httpserver):
    httpserver.expect_request("/hooks/parcelly", method="POST").respond_with_handler(merchant_endpoint)
    return httpserver.url_for("/hooks/parcelly")


def test_parcel_shipped_event_delivered(merchant_url):
    assert deliver(merchant_url, {"type": "parcel.shipped", "id": "PX-1"}) == 204


def test_parcel_delivered_event_delivered(merchant_url):
    assert deliver(merchant_url, {"type": "parcel.delivered", "id": "PX-1"}) == 204


def test_nightly_batch_delivered(merchant_url):
    assert deliver_batch(merchant_url, [{"type": "parcel.delayed", "id": "PX-9"}]).status_code == 204


@pytest.mark.failure(category="7", library="backoff", dist="backoff", shape="raised", cause="backoff-gives-up-on-persistent-429")
def test_refund_event_delivered(merchant_url):
    deliver(merchant_url, {"type": "refund.created", "id": "re_1"})
    assert deliver(merchant_url, {"type": "refund.settled", "id": "re_1"}) == 204


@pytest.mark.failure(category="7", library="backoff", dist="backoff", shape="assert", cause="backoff-predicate-exhausted-returns-429")
def test_end_of_day_batch_delivered(merchant_url):
    resp = deliver_batch(merchant_url, [{"type": "parcel.delivered", "id": f"PX-{i}"} for i in range(20)])
    assert resp.status_code == 204


@pytest.mark.failure(category="7", library="backoff", dist="backoff", shape="raised", cause="backoff-gives-up-on-persistent-429")
def test_address_changed_event_delivered(merchant_url):
    assert deliver(merchant_url, {"type": "address.changed", "id": "PX-3"}) == 204
