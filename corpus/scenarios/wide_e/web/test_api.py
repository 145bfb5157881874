import pytest
from fastapi.testclient import TestClient

from .app import Settings, app, current_user, get_settings


@pytest.fixture(scope="module")
def client():
    with TestClient(app) as c:
        yield c


def test_shipping_is_paid_below_threshold(client):
    assert client.get("/shipping/3000").json() == {"region": "eu", "free": False}


def test_us_shipping_threshold(client):
    app.dependency_overrides[get_settings] = lambda: Settings(region="us", free_shipping_over=2500)
    assert client.get("/shipping/3000").json() == {"region": "us", "free": True}


@pytest.mark.failure(category="4", library="fastapi", shape="assert", cause="dependency-overrides-not-cleared")
def test_eu_free_shipping_threshold(client):
    body = client.get("/shipping/4000").json()
    assert body == {"region": "eu", "free": False}


def test_logged_in_profile(client):
    app.dependency_overrides[current_user] = lambda: "maria"
    assert client.get("/me").json() == {"user": "maria"}


@pytest.mark.failure(category="4", library="fastapi", shape="assert", cause="dependency-overrides-not-cleared")
def test_anonymous_profile(client):
    body = client.get("/me").json()
    assert body["user"] == "anonymous"


@pytest.mark.failure(category="4", library="fastapi", shape="raised", cause="dependency-overrides-not-cleared")
def test_shipping_uses_settings_region(client):
    body = client.get("/shipping/100").json()
    if body["region"] != "eu":
        raise LookupError(f"no carrier configured for region {body['region']!r} in the EU deployment")


def test_add_mug_to_cart(client):
    assert client.post("/cart/MUG").json() == {"items": ["MUG"]}


@pytest.mark.failure(category="4", library="starlette", shape="assert", cause="testclient-cookie-jar-shared-by-module-fixture")
def test_add_kettle_to_empty_cart(client):
    body = client.post("/cart/KETTLE").json()
    assert body == {"items": ["KETTLE"]}


@pytest.mark.failure(category="4", library="starlette", shape="assert", cause="testclient-cookie-jar-shared-by-module-fixture")
def test_new_visitor_cart_is_empty(client):
    items = client.get("/cart").json()["items"]
    assert len(items) == 0


@pytest.mark.failure(category="other", library="starlette", shape="assert", cause="wrong-url-in-test-client-call")
def test_order_total(client):
    response = client.get("/order/7")
    assert response.status_code == 200
