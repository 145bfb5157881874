"""The partner SDK retries on 429; a stand-in partner keeps a process-wide request budget."""

import httpx
import pytest
import tenacity

PARTNER_BUDGET = {"remaining": 6}


def partner_api(request: httpx.Request) -> httpx.Response:
    if PARTNER_BUDGET["remaining"] <= 0:
        return httpx.Response(429, headers={"Retry-After": "0"}, json={"error": "quota exhausted"})
    PARTNER_BUDGET["remaining"] -= 1
    return httpx.Response(200, json={"ok": True, "path": request.url.path})


client = httpx.Client(base_url="https://partner.example.com", transport=httpx.MockTransport(partner_api))


@tenacity.retry(
    retry=tenacity.retry_if_exception(lambda e: isinstance(e, httpx.HTTPStatusError) and e.response.status_code == 429),
    stop=tenacity.stop_after_attempt(3),
    wait=tenacity.wait_fixed(0.01),
)
def sync_contact(contact_id: int) -> dict:
    resp = client.post(f"/v1/contacts/{contact_id}/sync")
    resp.raise_for_status()
    return resp.json()


def test_sync_contacts_batch():
    for cid in range(5):
        assert sync_contact(cid)["ok"]


def test_sync_single_contact():
    assert sync_contact(77)["ok"]


@pytest.mark.failure(category="7", library="tenacity", dist="tenacity", shape="chained", cause="retry-on-429-budget-shared-across-tests")
def test_sync_contact_after_update():
    assert sync_contact(78)["path"] == "/v1/contacts/78/sync"


@pytest.mark.failure(category="7", library="httpx", dist="httpx", shape="raised", cause="http-429-too-many-requests")
def test_contact_lookup_without_retry():
    resp = client.get("/v1/contacts/79")
    resp.raise_for_status()
    assert resp.json()["ok"]
