import time

import httpx
import pytest
from fastapi.testclient import TestClient
from litestar.testing import TestClient as LitestarClient

from . import api


@pytest.fixture(scope="module")
def client():
    with TestClient(api.app) as c:
        yield c


def test_search_returns_hits(client):
    for q in ("mug", "tee", "cap"):
        assert client.get("/search", params={"q": q}).status_code == 200


@pytest.mark.failure(category="7", library="slowapi", shape="assert", cause="shared-limiter-used-up-by-earlier-test")
def test_search_paginates(client):
    first = client.get("/search", params={"q": "hat", "page": 1})
    second = client.get("/search", params={"q": "hat", "page": 2})
    third = client.get("/search", params={"q": "hat", "page": 3})
    assert [r.status_code for r in (first, second, third)] == [200, 200, 200]


def test_export_csv_and_json(client):
    for fmt in ("csv", "json"):
        assert client.get("/export", params={"format": fmt}).json() == {"rows": 3}


@pytest.mark.failure(category="7", library="slowapi", shape="assert", cause="remaining-header-from-shared-counter")
def test_export_reports_remaining_quota(client):
    resp = client.get("/export")
    assert resp.status_code == 200
    assert resp.headers["X-RateLimit-Remaining"] == "2"


def test_sms_welcome_batch():
    sender = api.SmsSender()
    for i in range(12):
        sender.send(f"+1555000{i:04d}", "welcome")
    assert len(sender.sent) == 12


@pytest.mark.failure(category="7", library="limits", shape="assert", cause="moving-window-shared-across-tests")
def test_sms_reminder_batch():
    sender = api.SmsSender()
    for i in range(15):
        sender.send(f"+1555100{i:04d}", "reminder")
    assert len(sender.sent) == 15


def test_login_lockout_after_three_attempts():
    assert [api.login_allowed("ada", "10.0.0.1") for _ in range(4)] == [True, True, True, False]


@pytest.mark.failure(category="7", library="limits", shape="assert", cause="login-limit-keyed-by-shared-ip")
def test_other_user_can_log_in():
    assert api.login_allowed("ben", "10.0.0.1") is True


@pytest.mark.failure(category="7", library="pyrate-limiter", dist="pyrate-limiter", shape="assert", cause="token-bucket-rejects-burst")
def test_campaign_sent_to_everyone():
    addresses = [f"user{i}@example.com" for i in range(25)]
    sent = api.send_campaign(addresses)
    assert len(sent) == 25


@pytest.mark.failure(category="7", library="asyncio-throttle", dist="asyncio-throttle", shape="assert", cause="throttler-delays-beyond-budget")
async def test_webhooks_delivered_quickly():
    started = time.monotonic()
    delivered = await api.deliver_webhooks([f"https://hooks.example/{i}" for i in range(12)])
    elapsed = round(time.monotonic() - started, 1)
    assert len(delivered) == 12
    assert elapsed < 0.5


@pytest.mark.failure(category="7", library="tenacity", shape="assert", cause="retries-exhausted-on-429")
def test_orders_accepted_by_partner():
    with httpx.Client(transport=api.partner_transport(limit=2)) as client:
        statuses = [api.post_order(client, {"id": i}).status_code for i in range(3)]
    assert statuses == [200, 200, 200]


@pytest.mark.failure(category="7", library="backoff", shape="assert", cause="backoff-gives-up-429")
def test_inventory_sync():
    with httpx.Client(transport=api.partner_transport(limit=1)) as client:
        first = api.fetch_inventory(client, "MUG")
        second = api.fetch_inventory(client, "TEE")
    assert first.json()["ok"]
    assert second.status_code == 200


@pytest.mark.failure(category="7", library="httpx", shape="assert", cause="retry-after-longer-than-capped-wait")
def test_catalog_refresh_honours_retry_after():
    with httpx.Client(transport=api.partner_transport(limit=1, retry_after=30)) as client:
        client.get("https://partner.example/catalog")
        resp = api.fetch_with_retry_after(client, "https://partner.example/catalog", max_wait=0.05)
    assert resp.status_code == 200


def test_booking_morning_slots():
    with LitestarClient(api.booking_app) as client:
        for slot in ("09:00", "09:30", "10:00"):
            assert client.post("/bookings", json={"slot": slot}).status_code == 201


@pytest.mark.failure(category="7", library="litestar", shape="assert", cause="app-level-store-shared-between-tests")
def test_booking_afternoon_slots():
    with LitestarClient(api.booking_app) as client:
        codes = [client.post("/bookings", json={"slot": s}).status_code for s in ("14:00", "14:30")]
    assert codes == [201, 201]


@pytest.mark.failure(category="7", library="slowapi", shape="raised", cause="keyerror-on-429-body")
def test_search_hit_titles(client):
    hits = client.get("/search", params={"q": "lamp"}).json()["hits"]
    assert hits[0] == "lamp-0"


@pytest.mark.failure(category="7", library="limits", shape="assert", cause="async-moving-window-shared-key")
async def test_partner_sync_allowed_for_each_tenant():
    from limits.aio.storage import MemoryStorage
    from limits.aio.strategies import MovingWindowRateLimiter
    from limits import parse

    limiter = MovingWindowRateLimiter(MemoryStorage())
    rate = parse("2/second")
    allowed = [await limiter.hit(rate, "partner-sync") for tenant in ("t1", "t2", "t3")]
    assert allowed == [True, True, True]
