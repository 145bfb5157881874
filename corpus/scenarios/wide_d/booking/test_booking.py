import pytest
from fastapi.testclient import TestClient

from .app import app


@pytest.fixture
def client():
    with TestClient(app) as c:
        yield c


def test_all_rooms(client):
    assert [r["id"] for r in client.get("/rooms").json()] == ["r1", "r2"]


def test_large_rooms(client):
    assert client.get("/rooms", params={"min_seats": 6}).json()[0]["name"] == "Harbour"


@pytest.mark.failure(category="7", library="fastapi-limiter", dist="fastapi-limiter", shape="assert", cause="limiter-bucket-shared-across-test-clients")
def test_small_rooms(client):
    resp = client.get("/rooms", params={"min_seats": 2})
    assert resp.status_code == 200, resp.text
    assert len(resp.json()) == 2


@pytest.mark.failure(category="7", library="fastapi-limiter", dist="fastapi-limiter", shape="raised", cause="limiter-bucket-shared-across-test-clients")
def test_room_names_are_unique(client):
    resp = client.get("/rooms")
    resp.raise_for_status()
    names = [r["name"] for r in resp.json()]
    assert len(set(names)) == len(names)


def test_hold_harbour(client):
    assert client.post("/rooms/r1/hold", params={"who": "ana"}).json() == {"room": "r1", "held_by": "ana"}


@pytest.mark.failure(category="7", library="fastapi-limiter", dist="fastapi-limiter", shape="assert", cause="hold-limit-one-per-minute")
def test_hold_attic(client):
    resp = client.post("/rooms/r2/hold", params={"who": "ben"})
    assert resp.json() == {"room": "r2", "held_by": "ben"}


@pytest.mark.failure(category="other", library="fastapi", dist="fastapi", shape="raised", cause="unknown-room-keyerror")
def test_room_details_for_rooftop(client):
    assert client.get("/rooms/r9").json()["seats"] >= 10


@pytest.mark.failure(category="other", library="fastapi", dist="fastapi", shape="assert", cause="content-type-header-expectation")
def test_room_details_content_type(client):
    resp = client.get("/rooms/r1")
    assert resp.headers["content-type"] == "application/json; charset=utf-8"
