import pytest
from litestar.testing import TestClient

from .app import app


@pytest.fixture(scope="module")
def client():
    with TestClient(app=app) as c:
        yield c


def test_health(client):
    assert client.get("/health").json() == {"ok": True}


def test_get_delivered_parcel(client):
    assert client.get("/parcels/PX-1").json()["status"] == "delivered"


def test_filter_by_city(client):
    assert [p["id"] for p in client.get("/parcels", params={"city": "Leeds"}).json()] == ["PX-1", "PX-3"]


def test_in_transit_parcel(client):
    assert client.get("/parcels/PX-2").json()["status"] == "in-transit"


def test_rate_limit_headers_present(client):
    resp = client.get("/parcels/PX-3")
    assert "ratelimit-limit" in resp.headers


@pytest.mark.failure(category="7", library="litestar", dist="litestar", shape="assert", cause="ratelimit-remaining-header-drained-by-earlier-tests")
def test_client_sees_full_quota_remaining(client):
    resp = client.get("/parcels")
    assert int(resp.headers["ratelimit-remaining"]) >= 3


@pytest.mark.failure(category="7", library="litestar", dist="litestar", shape="assert", cause="memory-store-quota-shared-across-tests")
def test_york_parcels(client):
    resp = client.get("/parcels", params={"city": "York"})
    assert resp.status_code == 200, resp.text


@pytest.mark.failure(category="7", library="litestar", dist="litestar", shape="raised", cause="memory-store-quota-shared-across-tests")
def test_parcel_lookup_json(client):
    resp = client.get("/parcels/PX-2")
    resp.raise_for_status()
    assert resp.json()["city"] == "York"


@pytest.mark.failure(category="7", library="litestar", dist="litestar", shape="assert", cause="quota-reset-window-longer-than-expected")
def test_throttled_client_told_to_retry_soon(client):
    resp = client.get("/parcels/PX-1")
    assert resp.status_code == 429
    assert int(resp.headers["ratelimit-reset"]) <= 60, "clients back off for at most a minute"
