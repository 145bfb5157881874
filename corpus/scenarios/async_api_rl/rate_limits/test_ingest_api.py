import httpx
import pytest
import pytest_asyncio
import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from .ingest_api import build_app


@pytest_asyncio.fixture
async def api():
    transport = httpx.ASGITransport(app=build_app())  # new app per test, shared middleware state
    async with httpx.AsyncClient(transport=transport, base_url="http://ingest.test") as client:
        yield client


@pytest.mark.asyncio
async def test_ingest_single_event(api):
    resp = await api.post("/ingest", json={"events": [{"type": "click"}]})
    assert resp.status_code == 202


@pytest.mark.asyncio
async def test_ingest_batch(api):
    for _ in range(2):
        resp = await api.post("/ingest", json={"events": [{"type": "view"}] * 10})
        assert resp.json()["accepted"] == 10


@pytest.mark.asyncio
async def test_status_page(api):
    assert (await api.get("/status")).status_code == 200


@pytest.mark.failure(category="7", library="starlette", dist="starlette", shape="async", cause="middleware-window-shared-across-app-instances")
@pytest.mark.asyncio
async def test_ingest_rejects_empty_batch(api):
    resp = await api.post("/ingest", json={"events": []})
    resp.raise_for_status()
    assert resp.json() == {"accepted": 0}


@pytest.mark.failure(category="7", library="starlette", dist="starlette", shape="assert", cause="middleware-window-shared-across-app-instances")
@pytest.mark.asyncio
async def test_status_reports_empty_queue(api):
    resp = await api.get("/status")
    assert resp.json() == {"queue_depth": 0}


@pytest.fixture(scope="module")
def partner_sandbox(make_httpserver):
    """Local stand-in for the partner sandbox: 5 calls per API key per day, like the real one."""
    from werkzeug import Response

    used = {"count": 0}

    def handler(request):
        used["count"] += 1
        if used["count"] > 5:
            return Response('{"error": "daily quota exceeded"}', status=429, headers={"Retry-After": "0"}, content_type="application/json")
        return Response('{"status": "ok"}', content_type="application/json")

    make_httpserver.expect_request("/v1/shipments").respond_with_handler(handler)
    yield make_httpserver
    make_httpserver.clear()


@pytest.fixture
def partner_session(partner_sandbox):
    s = requests.Session()
    s.mount("http://", HTTPAdapter(max_retries=Retry(total=2, status_forcelist=[429], backoff_factor=0, respect_retry_after_header=True)))
    s.base = partner_sandbox.url_for("/v1/shipments")
    return s


def test_create_shipment(partner_session):
    for _ in range(3):
        assert partner_session.get(partner_session.base).json()["status"] == "ok"


def test_track_shipment(partner_session):
    for _ in range(2):
        assert partner_session.get(partner_session.base).status_code == 200


@pytest.mark.failure(category="7", library="urllib3", dist="urllib3", shape="chained", cause="retry-on-429-budget-shared-across-tests")
def test_cancel_shipment(partner_session):
    resp = partner_session.get(partner_session.base, params={"action": "cancel"})
    assert resp.json()["status"] == "ok"


@pytest.mark.failure(category="7", library="requests", dist="requests", shape="raised", cause="http-429-too-many-requests")
def test_shipment_label_download(partner_sandbox):
    resp = requests.get(partner_sandbox.url_for("/v1/shipments"), params={"label": "pdf"})
    resp.raise_for_status()
