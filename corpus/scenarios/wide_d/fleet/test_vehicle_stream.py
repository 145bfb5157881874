import asyncio

import pytest
from falcon import testing

from .telemetry import SETTINGS, Settings, app

FRAME_BUDGET = 0.3


@pytest.fixture(autouse=True)
def settings():
    for k, v in vars(Settings).items():
        if not k.startswith("_"):
            setattr(SETTINGS, k, v)
    return SETTINGS


@pytest.fixture
async def conductor():
    async with testing.ASGIConductor(app) as conductor:
        yield conductor


async def frames(ws, n):
    return [await asyncio.wait_for(ws.receive_json(), FRAME_BUDGET) for _ in range(n)]


async def test_watch_acknowledged(conductor):
    async with conductor.simulate_ws("/vehicles/van-7/stream", timeout=1) as ws:
        await ws.send_json({"op": "watch"})
        assert (await frames(ws, 1))[0] == {"op": "watching", "vehicle": "van-7", "depot": "leeds"}


async def test_three_frames(conductor):
    async with conductor.simulate_ws("/vehicles/van-9/stream", timeout=1) as ws:
        await ws.send_json({"op": "watch"})
        assert [f["op"] for f in await frames(ws, 4)] == ["watching", "frame", "frame", "frame"]


@pytest.mark.failure(category="2", library="falcon", dist="falcon", shape="raised", cause="handshake-slower-than-client-timeout")
async def test_dispatcher_connects_during_registry_slowdown(conductor, settings):
    settings.registry_latency = 0.6
    async with conductor.simulate_ws("/vehicles/van-7/stream", timeout=0.25) as ws:
        await ws.send_json({"op": "watch"})


@pytest.mark.failure(category="2", library="falcon", dist="falcon", shape="async", cause="frame-interval-over-latency-budget")
async def test_position_frames_within_budget(conductor, settings):
    settings.frame_interval = 0.4
    async with conductor.simulate_ws("/vehicles/van-9/stream", timeout=1) as ws:
        await ws.send_json({"op": "watch"})
        received = await frames(ws, 2)
    assert received[1]["op"] == "frame"


@pytest.mark.failure(category="2", library="falcon", dist="falcon", shape="assert", cause="frames-out-of-order")
async def test_frames_arrive_in_order(conductor, settings):
    settings.frame_jitter = (0.08, 0.0, 0.0)
    async with conductor.simulate_ws("/vehicles/van-7/stream", timeout=1) as ws:
        await ws.send_json({"op": "watch"})
        received = await frames(ws, 4)
    assert [f["seq"] for f in received[1:]] == [0, 1, 2]


@pytest.mark.failure(category="2", library="falcon", dist="falcon", shape="raised", cause="stream-task-not-finishing-after-close")
async def test_follow_mode_then_leave(conductor):
    async with conductor.simulate_ws("/vehicles/van-9/stream", timeout=0.3) as ws:
        await ws.send_json({"op": "follow"})
        first = await frames(ws, 1)
    assert first[0]["seq"] == 0


@pytest.fixture
async def busy_registry_stream(conductor, settings):
    settings.registry_latency = 0.5
    async with conductor.simulate_ws("/vehicles/van-9/stream", timeout=0.2) as ws:
        yield ws


@pytest.mark.failure(category="2", library="falcon", dist="falcon", shape="setup", cause="handshake-slower-than-client-timeout")
async def test_york_van_position(busy_registry_stream):
    await busy_registry_stream.send_json({"op": "watch"})
    assert (await frames(busy_registry_stream, 1))[0]["depot"] == "york"


@pytest.mark.failure(category="other", library="falcon", dist="falcon", shape="raised", cause="unknown-vehicle-404-close")
async def test_watch_new_van(conductor):
    async with conductor.simulate_ws("/vehicles/van-12/stream", timeout=1) as ws:
        await ws.send_json({"op": "watch"})
        assert (await frames(ws, 1))[0]["op"] == "watching"


@pytest.fixture
async def following(conductor):
    async with conductor.simulate_ws("/vehicles/van-7/stream", timeout=0.3) as ws:
        await ws.send_json({"op": "follow"})
        yield ws


@pytest.mark.failure(category="2", library="falcon", dist="falcon", shape="teardown", cause="stream-task-not-finishing-after-close")
async def test_follow_first_fix_is_leeds_depot(following):
    assert (await frames(following, 1))[0]["vehicle"] == "van-7"
