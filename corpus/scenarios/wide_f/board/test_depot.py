import asyncio

import httpx
import pytest
from httpx_ws import aconnect_ws

from ..servers import serve_asgi
from . import depot

BASE = "http://127.0.0.1:47918"


@pytest.fixture(scope="module", autouse=True)
def depot_server():
    with serve_asgi(depot.app, 47918):
        yield


@pytest.fixture(autouse=True)
def defaults():
    depot.SETTINGS.update(screens_per_depot=2, plan_seconds=0.0, route_optimiser_seconds=0.0)
    depot.SCREENS.clear()
    yield


@pytest.fixture
async def client():
    async with httpx.AsyncClient(base_url=BASE) as client:
        yield client


async def test_board_shows_plan(client):
    async with aconnect_ws("/depots/leeds/board", client) as ws:
        await ws.receive_json()
        await ws.send_json({"type": "plan"})
        assert (await ws.receive_json(timeout=0.5))["bays"]["B1"] == "VAN-12"


@pytest.mark.failure(category="2", library="httpx-ws", dist="httpx-ws", shape="async", cause="plan-push-slower-than-receive-timeout")
async def test_plan_during_morning_peak(client):
    depot.SETTINGS["plan_seconds"] = 0.6
    async with aconnect_ws("/depots/york/board", client) as ws:
        await ws.receive_json()
        await ws.send_json({"type": "plan"})
        plan = await ws.receive_json(timeout=0.2)
    assert plan["type"] == "plan"


@pytest.mark.failure(category="2", library="httpx-ws", dist="httpx-ws", shape="raised", cause="screen-limit-close-1008")
async def test_third_screen_in_depot(client):
    async with aconnect_ws("/depots/hull/board", client) as a, aconnect_ws("/depots/hull/board", client) as b:
        async with aconnect_ws("/depots/hull/board", client) as c:
            hello = await c.receive_json(timeout=0.5)
    assert hello["depot"] == "hull"


@pytest.mark.failure(category="2", library="httpx-ws", dist="httpx-ws", shape="raised", cause="keepalive-ping-timeout-blocked-server-loop")
async def test_board_stays_connected_while_optimising(client):
    depot.SETTINGS["route_optimiser_seconds"] = 0.8
    async with aconnect_ws(
        "/depots/bath/board", client, keepalive_ping_interval_seconds=0.1, keepalive_ping_timeout_seconds=0.2
    ) as ws:
        await ws.receive_json()
        await ws.send_json({"type": "optimise"})
        await asyncio.sleep(0.6)
        result = await ws.receive_json(timeout=1.0)
    assert result["saving_km"] == 14


@pytest.mark.failure(category="other", library="httpx-ws", dist="httpx-ws", shape="raised", cause="vans-csv-string-not-list")
async def test_vans_listed_on_board(client):
    async with aconnect_ws("/depots/leeds/board", client) as ws:
        await ws.receive_json()
        await ws.send_json({"type": "vans"})
        vans = (await ws.receive_json(timeout=0.5))["vans"]
    assert vans[0]["id"] == "VAN-12"
