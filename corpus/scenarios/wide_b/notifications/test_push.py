import pook
import pytest

from .push import PUSH_API, TOPICS_API, push, subscribe


@pytest.fixture
def gateway():
    pook.on()
    yield pook
    pook.off()
    pook.reset()


def test_push_parcel_update(gateway):
    gateway.post(PUSH_API).reply(200).json({"name": "projects/parcelly/messages/0:1"})
    assert push("tok-1", "Parcel update", "PX-1 delivered").startswith("projects/parcelly/messages/")


@pytest.mark.failure(category="6", library="pook", dist="pook", shape="raised", cause="endpoint-not-mocked")
def test_subscribe_to_delivery_topic(gateway):
    gateway.post(f"{TOPICS_API}/deliveries:subscribe").reply(200).json({"success": True})
    assert subscribe("tok-1", "delivery-updates")


@pytest.mark.failure(category="6", library="pook", dist="pook", shape="raised", cause="mock-body-matcher-out-of-date")
def test_push_with_title(gateway):
    gateway.post(PUSH_API).json({"token": "tok-2", "notification": {"title": "Hi", "body": "PX-2"}}).reply(200).json({"name": "m/2"})
    assert push("tok-2", "Hi", "PX-2") == "m/2"


@pytest.mark.failure(category="6", library="pook", dist="pook", shape="assert", cause="registered-mock-never-requested")
def test_push_and_subscribe_on_signup(gateway):
    gateway.post(PUSH_API).reply(200).json({"name": "m/3"})
    gateway.post(f"{TOPICS_API}/news:subscribe").reply(200).json({"success": True})
    push("tok-3", "Welcome", "Thanks for signing up")
    assert gateway.isdone(), f"pending mocks: {gateway.pending_mocks()}"
