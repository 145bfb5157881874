import asyncio

import pytest

from .scores_app import SUBSCRIBERS, VIEWERS, app, publish_goal

LATENCY_BUDGET = 0.3


@pytest.fixture(autouse=True)
def fresh_registry():
    SUBSCRIBERS.clear()
    app.config.update(REGISTRATION_LATENCY=0.0, CONNECTION_QUEUE=5, HEARTBEAT_EVERY=5.0, PROPAGATE_EXCEPTIONS=True)
    yield


async def recv(ws, budget=LATENCY_BUDGET):
    return await asyncio.wait_for(ws.receive_json(), budget)


async def test_subscribe_confirms_teams():
    async with app.test_client().websocket("/ws/scores") as ws:
        await ws.send_json({"subscribe": "ars-che"})
        assert (await recv(ws))["home"] == "Arsenal"


async def test_goal_is_pushed():
    async with app.test_client().websocket("/ws/scores") as ws:
        await ws.send_json({"subscribe": "ars-che"})
        await recv(ws)
        publish_goal("ars-che", 12, "Saka")
        assert (await recv(ws))["scorer"] == "Saka"


@pytest.mark.failure(category="2", library="quart", dist="quart", shape="async", cause="subscription-confirmation-over-latency-budget")
async def test_subscription_latency_requirement():
    app.config["REGISTRATION_LATENCY"] = 0.5
    async with app.test_client().websocket("/ws/scores") as ws:
        await ws.send_json({"subscribe": "ars-che"})
        confirmation = await recv(ws)
    assert confirmation["type"] == "subscribed"


@pytest.mark.failure(category="2", library="quart", dist="quart", shape="assert", cause="bounded-queue-drops-burst-updates")
async def test_every_goal_of_a_rout_is_delivered():
    async with app.test_client().websocket("/ws/scores") as ws:
        await ws.send_json({"subscribe": "liv-mci"})
        await recv(ws)
        delivered = [publish_goal("liv-mci", minute, "Salah") for minute in range(10, 90, 10)]
        received = [await recv(ws) for _ in range(sum(delivered))]
    assert len(received) == 8


@pytest.mark.failure(category="2", library="quart", dist="quart", shape="assert", cause="subscription-acks-out-of-order")
async def test_double_header_confirmations_in_order():
    app.config["REGISTRATION_LATENCY"] = 0.05
    async with app.test_client().websocket("/ws/scores") as ws:
        await ws.send_json({"subscribe": "liv-mci"})
        await ws.send_json({"subscribe": "ars-che"})
        order = [(await recv(ws))["match"] for _ in range(2)]
    assert order == ["liv-mci", "ars-che"]


@pytest.mark.failure(category="2", library="quart", dist="quart", shape="timeout", cause="waiting-for-heartbeat-longer-than-test-timeout")
@pytest.mark.timeout(1)
async def test_idle_connection_gets_heartbeat():
    async with app.test_client().websocket("/ws/scores") as ws:
        assert (await ws.receive_json())["type"] == "heartbeat"


@pytest.mark.failure(category="2", library="quart", dist="quart", shape="raised", cause="viewer-connection-limit-reached")
async def test_family_watches_on_four_devices():
    client = app.test_client()
    sockets = [client.websocket("/ws/scores") for _ in range(4)]
    entered = [await s.__aenter__() for s in sockets]
    try:
        for ws in entered:
            await ws.send_json({"subscribe": "ars-che"})
        confirmations = [await recv(ws) for ws in entered]
    finally:
        for s in sockets:
            await s.disconnect()
    assert len(confirmations) == 4


@pytest.mark.failure(category="other", library="quart", dist="quart", shape="raised", cause="legacy-payload-keyerror-in-handler")
async def test_legacy_app_subscription_payload():
    async with app.test_client().websocket("/ws/scores") as ws:
        await ws.send('{"match": "ars-che"}')
        await asyncio.sleep(0.05)
    assert SUBSCRIBERS["ars-che"]
