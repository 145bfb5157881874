import pytest
from litestar.testing import TestClient

from .app import app


@pytest.fixture
def client():
    with TestClient(app) as c:
        yield c


def test_asset_metadata(client):
    assert client.get("/assets/a1").json()["width"] == 640


def test_upload(client):
    assert client.post("/uploads", json={"name": "banner.png"}).status_code == 201


@pytest.mark.failure(category="other", library="litestar", shape="assert", cause="unknown-asset-404")
def test_asset_metadata_for_retina_variant(client):
    resp = client.get("/assets/a1@2x")
    assert resp.status_code == 200, resp.text


@pytest.mark.failure(category="7", library="litestar", shape="assert", cause="app-level-store-shared-across-tests")
def test_large_asset_metadata(client):
    resp = client.get("/assets/a2")
    assert resp.json() == {"id": "a2", "width": 1280}


@pytest.mark.failure(category="7", library="litestar", shape="raised", cause="app-level-store-shared-across-tests")
def test_upload_then_fetch(client):
    resp = client.post("/uploads", json={"name": "a3.png"})
    resp.raise_for_status()
    assert resp.json() == {"stored": "a3.png"}
