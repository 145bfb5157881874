import asyncio
import threading

import aiohttp
import pytest
from aiohttp import WSMsgType, web

from . import rooms

PORT = 47912
BASE = f"http://127.0.0.1:{PORT}"


@pytest.fixture(scope="module", autouse=True)
def chat_server():
    loop = asyncio.new_event_loop()
    runner = web.AppRunner(rooms.make_app())
    loop.run_until_complete(runner.setup())
    loop.run_until_complete(web.TCPSite(runner, "127.0.0.1", PORT).start())
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    yield
    asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(5)
    loop.call_soon_threadsafe(loop.stop)
    thread.join(5)


@pytest.fixture(autouse=True)
def defaults():
    rooms.CONFIG.update(room_size=2, history_delay=0.0, outbox=4, idle_timeout=5.0, send_pause=0.0)
    rooms.ROOMS.clear()
    yield


@pytest.fixture
async def session():
    async with aiohttp.ClientSession(BASE) as session:
        yield session


async def test_history_is_replayed(session):
    async with session.ws_connect("/rooms/r-1") as ws:
        assert (await ws.receive_json(timeout=0.5))["text"] == "Hi, how can I help?"


@pytest.mark.failure(category="2", library="aiohttp", dist="aiohttp", shape="async", cause="history-replay-slower-than-receive-timeout")
async def test_history_arrives_promptly(session):
    rooms.CONFIG["history_delay"] = 0.6
    async with session.ws_connect("/rooms/r-1") as ws:
        first = await ws.receive_json(timeout=0.25)
    assert first["type"] == "history"


@pytest.mark.failure(category="2", library="aiohttp", dist="aiohttp", shape="raised", cause="heartbeat-no-pong-legacy-server")
async def test_legacy_widget_connection_survives_heartbeat(session):
    async with session.ws_connect("/rooms/r-2?legacy=1", heartbeat=0.1) as ws:
        await asyncio.sleep(0.4)
        await ws.send_json({"from": "cust", "text": "still there?"})
        msg = await ws.receive(timeout=0.5)
    assert msg.type == WSMsgType.TEXT


@pytest.mark.failure(category="2", library="aiohttp", dist="aiohttp", shape="assert", cause="room-full-close-1013")
async def test_supervisor_joins_busy_room(session):
    async with session.ws_connect("/rooms/r-3") as agent, session.ws_connect("/rooms/r-3") as customer:
        async with session.ws_connect("/rooms/r-3") as supervisor:
            await supervisor.send_json({"from": "sup", "text": "joining"})
            msg = await supervisor.receive(timeout=0.5)
    assert msg.type == WSMsgType.TEXT, supervisor.close_code


@pytest.mark.failure(category="2", library="aiohttp", dist="aiohttp", shape="raised", cause="idle-timeout-close-then-send")
async def test_customer_returns_after_lunch(session):
    rooms.CONFIG["idle_timeout"] = 0.1
    async with session.ws_connect("/rooms/r-4") as ws:
        await asyncio.sleep(0.3)
        await ws.send_json({"from": "cust", "text": "back"})
        await ws.send_json({"from": "cust", "text": "any news?"})
        reply = await ws.receive_json(timeout=0.5)
    assert reply["text"] == "back"


@pytest.mark.failure(category="2", library="aiohttp", dist="aiohttp", shape="assert", cause="bounded-outbox-drops-burst-messages")
async def test_burst_of_messages_reaches_agent(session):
    rooms.CONFIG["send_pause"] = 0.02
    async with session.ws_connect("/rooms/r-5") as agent, session.ws_connect("/rooms/r-5") as customer:
        for n in range(8):
            await customer.send_json({"from": "cust", "text": f"line {n}"})
        await asyncio.sleep(0.05)
        received = []
        while True:
            try:
                received.append((await agent.receive_json(timeout=0.3))["text"])
            except asyncio.TimeoutError:
                break
    assert received == [f"line {n}" for n in range(8)]


@pytest.mark.failure(category="2", library="aiohttp", dist="aiohttp", shape="assert", cause="typing-indicators-relayed-out-of-order")
async def test_typing_indicators_in_order(session):
    async with session.ws_connect("/rooms/r-6") as agent, session.ws_connect("/rooms/r-6") as customer:
        await customer.send_json({"type": "typing", "from": "customer-long-name"})
        await customer.send_json({"type": "typing", "from": "cust"})
        order = [(await agent.receive_json(timeout=1))["from"] for _ in range(2)]
    assert order == ["customer-long-name", "cust"]


@pytest.mark.failure(category="other", library="json", dist=None, shape="raised", cause="plain-text-transcript-not-json")
async def test_transcript_export(session):
    async with session.ws_connect("/transcripts/r-1") as ws:
        transcript = await ws.receive_json(timeout=0.5)
    assert transcript[0]["from"] == "agent"
