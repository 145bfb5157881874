import asyncio
import json
import threading
import time

import aiohttp
import pytest
from aiohttp import web
from starlette.testclient import TestClient
from websocket import create_connection, WebSocketTimeoutException
from websockets.asyncio.client import connect

from . import feed

PORT = 48101
AIOHTTP_PORT = 48102
URL = f"ws://127.0.0.1:{PORT}"


@pytest.fixture(scope="module", autouse=True)
def feed_server():
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    holder = {}

    async def main():
        async with feed.make_server(PORT) as server:
            holder["server"] = server
            runner = web.AppRunner(feed.make_aiohttp_app())
            await runner.setup()
            await web.TCPSite(runner, "127.0.0.1", AIOHTTP_PORT).start()
            holder["runner"] = runner
            ready.set()
            await server.serve_forever()

    thread = threading.Thread(target=loop.run_until_complete, args=(main(),), daemon=True)
    thread.start()
    ready.wait(5)
    yield
    loop.call_soon_threadsafe(holder["server"].close)
    thread.join(5)


@pytest.fixture(autouse=True)
def market_defaults():
    feed.SETTINGS.update(replay=0, per_message=0.0, ack_delay=0.0, heartbeat_every=0.05, fills=10, stall_at=-1, stall=0.0)
    feed.BOOK.update(auth_seconds=0.0, max_pending=100, pending=0)
    feed.POSITIONS.update(delay=0.0, count=5, stall_at=-1, stall=0.0)


async def drain(ws, idle=0.2):
    received = []
    try:
        while True:
            received.append(json.loads(await asyncio.wait_for(ws.recv(), idle)))
    except TimeoutError:
        pass
    return received


async def test_fills_stream_is_complete():
    async with connect(f"{URL}/fills") as ws:
        received = await drain(ws)
    assert [m["seq"] for m in received] == list(range(10))


@pytest.mark.failure(category="2", library="websockets", shape="assert", cause="stream-idle-timeout-drops-slow-fills")
async def test_fills_stream_during_auction():
    feed.SETTINGS.update(per_message=0.02, fills=10, stall_at=6, stall=0.4)
    async with connect(f"{URL}/fills") as ws:
        received = await drain(ws, idle=0.25)
    assert len(received) == 10


@pytest.mark.failure(category="2", library="websockets", shape="assert", cause="round-trip-latency-behind-replay-backlog")
async def test_ping_round_trip_under_budget():
    feed.SETTINGS.update(replay=12, per_message=0.03)
    async with connect(f"{URL}/echo") as ws:
        started = time.monotonic()
        await ws.send(json.dumps({"sent_at": started}))
        while True:
            msg = json.loads(await ws.recv())
            if msg["type"] == "pong":
                break
        elapsed = round(time.monotonic() - started, 1)
    assert elapsed < 0.25


@pytest.mark.failure(category="2", library="websockets", shape="assert", cause="subscription-ack-after-heartbeats")
async def test_subscribe_returns_ack():
    feed.SETTINGS.update(ack_delay=0.3)
    async with connect(f"{URL}/quotes") as ws:
        await ws.send(json.dumps({"subscribe": ["ACME", "BOLT"]}))
        msg = json.loads(await ws.recv())
    assert msg["type"] == "subscribed"


@pytest.mark.failure(category="2", library="websockets", shape="assert", cause="ack-not-within-first-frames")
async def test_subscribe_ack_within_first_frames():
    feed.SETTINGS.update(ack_delay=0.4, heartbeat_every=0.05)
    async with connect(f"{URL}/quotes") as ws:
        await ws.send(json.dumps({"subscribe": ["ACME"]}))
        frames = [json.loads(await ws.recv()) for _ in range(3)]
    assert {"type": "subscribed", "symbols": ["ACME"]} in frames


@pytest.mark.failure(category="2", library="starlette", shape="assert", cause="ack-delayed-by-slow-auth-heartbeat-first")
def test_order_book_subscription_ack():
    feed.BOOK["auth_seconds"] = 0.2
    with TestClient(feed.asgi_app) as client, client.websocket_connect("/book") as ws:
        ws.send_json({"book": "ACME"})
        first = ws.receive_json()
    assert first == {"type": "subscribed", "book": "ACME"}


@pytest.mark.failure(category="2", library="starlette", shape="assert", cause="backlog-close-1013-before-snapshot")
def test_order_book_snapshot_after_levels():
    feed.BOOK.update(pending=250, max_pending=100)
    with TestClient(feed.asgi_app) as client, client.websocket_connect("/book") as ws:
        ws.send_json({"book": "ACME"})
        frames = [ws.receive_json()]
    assert frames[-1]["type"] in ("subscribed", "level", "snapshot")


@pytest.mark.failure(category="2", library="aiohttp", shape="assert", cause="receive-timeout-partial-position-snapshot")
async def test_position_snapshot_has_every_row():
    feed.POSITIONS.update(delay=0.01, count=5, stall_at=3, stall=0.35)
    rows = []
    async with aiohttp.ClientSession() as session:
        async with session.ws_connect(f"http://127.0.0.1:{AIOHTTP_PORT}/positions") as ws:
            await ws.send_str("snapshot")
            while True:
                try:
                    msg = await ws.receive(timeout=0.2)
                except TimeoutError:
                    break
                rows.append(json.loads(msg.data))
    assert len(rows) == 5


@pytest.mark.failure(category="2", library="aiohttp", shape="assert", cause="fan-out-latency-over-budget")
async def test_position_updates_latency():
    feed.POSITIONS.update(delay=0.1, count=4)
    latencies = []
    async with aiohttp.ClientSession() as session:
        async with session.ws_connect(f"http://127.0.0.1:{AIOHTTP_PORT}/positions") as ws:
            requested = time.monotonic()
            await ws.send_str("snapshot")
            for _ in range(4):
                msg = await ws.receive_json(timeout=1)
                latencies.append(round(time.monotonic() - requested, 1))
    assert max(latencies) < 0.2, latencies


@pytest.mark.failure(category="2", library="websocket-client", shape="assert", cause="sync-client-timeout-missed-fills")
def test_terminal_client_receives_fills():
    feed.SETTINGS.update(per_message=0.01, fills=6, stall_at=4, stall=0.3)
    ws = create_connection(f"{URL}/fills", timeout=0.15)
    fills = []
    try:
        while len(fills) < 6:
            fills.append(json.loads(ws.recv()))
    except WebSocketTimeoutException:
        pass
    finally:
        ws.close()
    assert [f["seq"] for f in fills] == [0, 1, 2, 3, 4, 5]


@pytest.mark.failure(category="2", library="websocket-client", shape="assert", cause="heartbeat-before-late-ack")
def test_terminal_client_subscribe():
    feed.SETTINGS.update(ack_delay=0.2)
    ws = create_connection(f"{URL}/quotes", timeout=1)
    try:
        ws.send(json.dumps({"subscribe": ["BOLT"]}))
        reply = json.loads(ws.recv())
    finally:
        ws.close()
    assert reply.get("symbols") == ["BOLT"]


@pytest.mark.failure(category="2", library="websockets", shape="assert", cause="replay-backlog-ahead-of-live-pong")
async def test_first_frame_after_ping_is_pong():
    feed.SETTINGS.update(replay=3, per_message=0.0)
    async with connect(f"{URL}/echo") as ws:
        await ws.send(json.dumps({"sent_at": 1.0}))
        first = json.loads(await ws.recv())
    assert first == {"type": "pong", "sent_at": 1.0}


async def next_fill(ws, within=0.2):
    try:
        return json.loads(await asyncio.wait_for(ws.recv(), within))
    except TimeoutError:
        return None


@pytest.mark.failure(category="2", library="websockets", shape="raised", cause="none-after-recv-timeout-slow-first-fill")
async def test_first_fill_sequence_number():
    feed.SETTINGS.update(stall_at=0, stall=0.35)
    async with connect(f"{URL}/fills") as ws:
        assert (await next_fill(ws))["seq"] == 0


@pytest.mark.failure(category="other", library="websockets", shape="assert", cause="expected-seq-one-based")
async def test_fills_numbered_from_one():
    feed.SETTINGS.update(fills=5)
    async with connect(f"{URL}/fills") as ws:
        received = await drain(ws, idle=0.1)
    assert [m["seq"] for m in received] == [1, 2, 3, 4, 5]
