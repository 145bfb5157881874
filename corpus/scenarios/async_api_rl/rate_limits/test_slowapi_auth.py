import httpx
import pytest
from fastapi.testclient import TestClient

from .slowapi_app.main import app


@pytest.fixture
def client():
    # a fresh client per test, but the app (and its limiter storage) is imported once
    with TestClient(app) as c:
        assert c.get("/health").status_code == 200  # readiness probe
        yield c


def test_login_success(client):
    for user, pw in (("ada", "lovelace"), ("grace", "hopper"), ("ada", "lovelace")):
        resp = client.post("/auth/login", json={"username": user, "password": pw})
        assert resp.json()["ok"] is True


def test_login_wrong_password(client):
    resp = client.post("/auth/login", json={"username": "ada", "password": "nope"})
    assert resp.json() == {"ok": False}


def test_login_unknown_user(client):
    resp = client.post("/auth/login", json={"username": "linus", "password": "x"})
    assert resp.status_code == 200


@pytest.mark.failure(category="7", library="slowapi", dist="slowapi", shape="assert", cause="limiter-storage-shared-across-tests")
def test_login_returns_token(client):
    resp = client.post("/auth/login", json={"username": "grace", "password": "hopper"})
    assert resp.status_code == 200
    assert resp.json()["token"] == "tok-grace"


@pytest.mark.failure(category="7", library="slowapi", dist="slowapi", shape="raised", cause="limiter-storage-shared-across-tests")
def test_login_token_format(client):
    resp = client.post("/auth/login", json={"username": "ada", "password": "lovelace"})
    assert resp.json()["token"].startswith("tok-")


@pytest.mark.failure(category="7", library="slowapi", dist="slowapi", shape="raised", cause="limiter-storage-shared-across-tests")
def test_login_then_search(client):
    resp = client.post("/auth/login", json={"username": "ada", "password": "lovelace"})
    resp.raise_for_status()
    assert client.get("/search", params={"q": "invoices"}).status_code == 200


class TestSearch:
    def test_search_invoices(self, client):
        for q in ("inv", "invoice", "invoices", "acme"):
            assert client.get("/search", params={"q": q}).status_code == 200

    def test_search_pagination(self, client):
        for page in range(6):
            assert client.get("/search", params={"q": f"page{page}"}).status_code == 200

    @pytest.mark.failure(category="7", library="slowapi", dist="slowapi", shape="assert", cause="limiter-storage-shared-across-tests")
    def test_search_results_shape(self, client):
        resp = client.get("/search", params={"q": "acme"})
        assert resp.json() == {"q": "acme", "results": ["acme-0", "acme-1", "acme-2"]}

    @pytest.mark.failure(category="7", library="slowapi", dist="slowapi", shape="assert", cause="ratelimit-remaining-header")
    def test_search_reports_remaining_quota(self, client):
        resp = client.get("/search", params={"q": "quota"})
        assert resp.headers["X-RateLimit-Remaining"] == "9"


@pytest.mark.failure(category="7", library="slowapi", dist="slowapi", shape="assert", cause="limiter-storage-shared-across-tests")
def test_password_reset_can_be_requested_three_times(client):
    client.post("/auth/password-reset", json={"username": "ada", "password": ""})
    statuses = [client.post("/auth/password-reset", json={"username": "ada", "password": ""}).status_code for _ in range(3)]
    assert statuses == [200, 200, 200]


@pytest.mark.failure(category="7", library="slowapi", dist="slowapi", shape="assert", cause="default-limit-shared-across-tests")
def test_health_endpoint_never_throttled(client):
    codes = {client.get("/health").status_code for _ in range(5)}
    assert codes == {200}


@pytest.mark.failure(category="7", library="slowapi", dist="slowapi", shape="setup", cause="default-limit-shared-across-tests")
def test_search_through_sdk(client):
    sdk = httpx.Client(transport=client._transport, base_url="http://testserver")
    resp = sdk.get("/search", params={"q": "sdk"})
    resp.raise_for_status()
