import pytest
from rest_framework.test import APIClient


@pytest.fixture
def client():
    return APIClient()


def test_signup_creates_pending_account(client):
    resp = client.post("/signup", {"email": "ana@example.com"}, format="json")
    assert resp.data["state"] == "pending-verification"


def test_signup_echoes_email(client):
    assert client.post("/signup", {"email": "bo@example.com"}, format="json").data["email"] == "bo@example.com"


@pytest.mark.failure(category="7", library="djangorestframework", shape="assert", cause="scoped-throttle-history-in-shared-cache")
def test_signup_with_plus_address(client):
    resp = client.post("/signup", {"email": "cy+promo@example.com"}, format="json")
    assert resp.status_code == 201, resp.data


@pytest.mark.failure(category="7", library="djangorestframework", shape="assert", cause="anon-throttle-exhausted-within-test")
def test_password_reset_can_be_requested_repeatedly(client):
    codes = [client.post("/password-reset", {"email": "ana@example.com"}, format="json").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 200]


@pytest.mark.failure(category="7", library="djangorestframework", shape="assert", cause="scoped-throttle-history-in-shared-cache")
def test_password_reset_sends_mail(client):
    resp = client.post("/password-reset", {"email": "bo@example.com"}, format="json")
    assert resp.data == {"sent": True}
