import pytest
from litestar.testing import TestClient

from .admin_app import admin


@pytest.fixture
def client():
    with TestClient(app=admin) as c:
        yield c


def test_parcel_detail(client):
    assert client.get("/admin/parcels/PX-1").json()["history_url"] == "/admin/parcels/PX-1/history"


def test_deliveries_today(client):
    assert client.get("/admin/deliveries", params={"day": "2026-11-26"}).json()["count"] == 3


@pytest.mark.failure(category="other", library="litestar", dist="litestar", shape="assert", cause="unhandled-keyerror-500")
def test_unknown_parcel_is_404(client):
    assert client.get("/admin/parcels/PX-404").status_code == 404


@pytest.mark.failure(category="other", library="litestar", dist="litestar", shape="assert", cause="query-param-validation-400")
def test_deliveries_with_uk_date_format(client):
    resp = client.get("/admin/deliveries", params={"day": "26/11/2026"})
    assert resp.status_code == 200, resp.text
