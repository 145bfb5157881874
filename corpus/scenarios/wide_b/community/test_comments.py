import json

import pytest
from django.test import Client, RequestFactory

from .views import export_thread


@pytest.fixture
def client():
    return Client(REMOTE_ADDR="10.0.0.7")


def _post(client, thread_id, text):
    return client.post(f"/threads/{thread_id}/comments", data=json.dumps({"text": text}), content_type="application/json")


def test_first_comment_created(client):
    assert _post(client, 1, "Where is my parcel?").status_code == 201


def test_reply_counts_comments(client):
    assert _post(client, 1, "Same here, PX-11 stuck").json()["count"] == 2


def test_search_finds_thread(client):
    assert client.get("/search", {"q": "parcel"}).json()["results"] == [1]


def test_comment_on_new_thread(client):
    assert _post(client, 2, "Driver left it at the neighbour's").status_code == 201


@pytest.mark.failure(category="7", library="django-ratelimit", dist="django-ratelimit", shape="assert", cause="per-ip-counter-in-shared-locmem-cache")
def test_conversation_on_returns_thread(client):
    for text in ("Return label missing", "Check spam folder", "Found it, thanks"):
        resp = _post(client, 3, text)
        assert resp.status_code == 201, resp.json()


@pytest.mark.failure(category="7", library="django-ratelimit", dist="django-ratelimit", shape="assert", cause="per-ip-counter-in-shared-locmem-cache")
def test_search_returns_fresh_results(client):
    for q in ("parcel", "label", "driver", "neighbour"):
        body = client.get("/search", {"q": q}).json()
    assert body["degraded"] is False


@pytest.mark.failure(category="7", library="django-ratelimit", dist="django-ratelimit", shape="raised", cause="api-key-quota-shared-across-tests")
def test_export_thread_for_moderation():
    rf = RequestFactory()
    for thread_id in (1, 2, 3, 1):
        resp = export_thread(rf.get(f"/threads/{thread_id}/export", HTTP_X_API_KEY="mod-key"), thread_id=thread_id)
    assert resp.status_code == 200
