import asyncio
import time

import pytest
import socketio

from ..servers import serve_asgi
from . import hub

URL = "http://127.0.0.1:47914"


@pytest.fixture(scope="module", autouse=True)
def presence_server():
    with serve_asgi(hub.app, 47914):
        yield


@pytest.fixture(autouse=True)
def defaults():
    hub.SETTINGS.update(max_agents=3, join_delay=0.0, assign_delay=0.0)
    yield


@pytest.fixture
async def agent():
    client = socketio.AsyncClient(reconnection=False)
    await client.connect(URL, auth={"agent": "amy"}, transports=["websocket"])
    yield client
    await client.disconnect()


async def test_join_billing_queue(agent):
    ack = await agent.call("join_queue", "billing", timeout=1)
    assert ack["queue"] == "billing"


@pytest.mark.failure(category="2", library="python-socketio", dist="python-socketio", shape="raised", cause="call-ack-timeout-slow-assign")
async def test_assign_ticket_to_self(agent):
    hub.SETTINGS["assign_delay"] = 0.5
    ack = await agent.call("assign", "T-1001", timeout=0.2)
    assert ack["agent"] == "amy"


@pytest.mark.failure(category="2", library="python-socketio", dist="python-socketio", shape="raised", cause="connect-refused-agent-seats-exhausted")
async def test_whole_shift_goes_online():
    clients = [socketio.AsyncClient(reconnection=False) for _ in range(4)]
    try:
        for n, client in enumerate(clients):
            await client.connect(URL, auth={"agent": f"agent-{n}"}, transports=["websocket"])
    finally:
        for client in clients:
            await client.disconnect()


@pytest.mark.failure(category="2", library="python-socketio", dist="python-socketio", shape="assert", cause="broadcast-before-room-join-completed")
async def test_new_ticket_reaches_queue_agents(agent):
    hub.SETTINGS["join_delay"] = 0.2
    tickets = []
    agent.on("ticket", tickets.append)
    asyncio.create_task(agent.call("join_queue", "returns", timeout=1))
    await asyncio.sleep(0.05)
    await agent.call("publish_ticket", {"id": "T-1002", "queue": "returns"}, timeout=1)
    await asyncio.sleep(0.3)
    assert [t["id"] for t in tickets] == ["T-1002"]


@pytest.mark.failure(category="2", library="python-socketio", dist="python-socketio", shape="raised", cause="engineio-ping-timeout-disconnects-blocked-client")
async def test_agent_keeps_session_during_report_export(agent):
    time.sleep(0.6)  # the desktop client builds the CSV export synchronously
    await asyncio.sleep(0.1)
    ack = await agent.call("join_queue", "billing", timeout=1)
    assert ack["queue"] == "billing"


@pytest.mark.failure(category="other", library="python-socketio", dist="python-socketio", shape="raised", cause="error-ack-payload-keyerror")
async def test_assign_legacy_ticket_number(agent):
    ack = await agent.call("assign", "100231", timeout=1)
    assert ack["ticket"] == "T-100231"
