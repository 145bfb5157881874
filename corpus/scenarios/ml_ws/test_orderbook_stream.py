"""Order-book stream (aiohttp server and client)."""

from __future__ import annotations

import asyncio
import time

import aiohttp
import pytest
import pytest_asyncio
from aiohttp import WSMsgType

from ml_ws.wsapp.aio_feed import AioFeed
from ml_ws.wsapp.price_feed import mute_websocket_server, silent_tcp_server

pytestmark = pytest.mark.asyncio

SUB = {"action": "subscribe", "symbol": "BTC-USD"}


@pytest_asyncio.fixture
async def session():
    async with aiohttp.ClientSession() as s:
        yield s


@pytest.mark.failure(category="2", library="aiohttp", shape="raised", cause="handshake-rejected-403")
async def test_orderbook_requires_desk_token(session):
    async with AioFeed(require_auth=True) as feed:
        async with session.ws_connect(feed.url(), headers={"Authorization": "Bearer desk-3"}) as ws:
            await ws.send_json(SUB)
            snap = await ws.receive_json()
    assert snap["type"] == "snapshot"


@pytest.mark.failure(category="2", library="aiohttp", shape="raised", cause="handshake-rejected-200")
async def test_orderbook_stream_url(session):
    async with AioFeed() as feed:
        async with session.ws_connect(feed.url("/orderbook")) as ws:
            await ws.send_json(SUB)


@pytest.mark.failure(category="2", library="aiohttp", shape="async", cause="snapshot-timeout")
async def test_orderbook_snapshot_delivery(session):
    async with AioFeed(snapshot_delay=0.5) as feed:
        async with session.ws_connect(feed.url()) as ws:
            await ws.send_json(SUB)
            snap = await ws.receive_json(timeout=0.05)
    assert snap["type"] == "snapshot"


@pytest.mark.failure(category="2", library="aiohttp", shape="assert", cause="closed-instead-of-text")
async def test_orderbook_deltas_follow_snapshot(session):
    async with AioFeed(close_after=0, close_code=1011) as feed:
        async with session.ws_connect(feed.url()) as ws:
            await ws.send_json(SUB)
            await ws.receive_json()
            msg = await ws.receive()
    assert msg.type == WSMsgType.TEXT, f"expected a delta, got {msg.type!r} {msg.data!r} {msg.extra!r}"


@pytest.mark.failure(category="2", library="aiohttp", shape="raised", cause="server-closed-early")
async def test_orderbook_twenty_deltas(session):
    async with AioFeed(close_after=3) as feed:
        async with session.ws_connect(feed.url()) as ws:
            await ws.send_json(SUB)
            await ws.receive_json()
            deltas = [await ws.receive_json() for _ in range(20)]
    assert deltas[-1]["seq"] == 20


@pytest.mark.failure(category="2", library="aiohttp", shape="chained", cause="heartbeat-pong-timeout")
async def test_orderbook_connection_heartbeat(session):
    server, port = await mute_websocket_server()
    try:
        async with session.ws_connect(f"http://127.0.0.1:{port}/ws/orderbook", heartbeat=0.1) as ws:
            await ws.send_json(SUB)
            msg = await ws.receive()
            if msg.type == WSMsgType.ERROR:
                raise ConnectionError(f"order-book stream dropped: {msg.data!r}") from ws.exception()
    finally:
        server.close()


@pytest.mark.failure(category="2", library="aiohttp", shape="assert", cause="message-too-big")
async def test_full_depth_snapshot(session):
    async with AioFeed(levels=5000) as feed:
        async with session.ws_connect(feed.url(), max_msg_size=64 * 1024) as ws:
            await ws.send_json(SUB)
            msg = await ws.receive()
    assert msg.type == WSMsgType.TEXT, f"{msg.type!r}: {msg.data!r}"


@pytest.mark.failure(category="2", library="aiohttp", shape="assert", cause="slow-subscription-ack")
async def test_snapshot_latency_budget(session):
    async with AioFeed(snapshot_delay=0.25) as feed:
        async with session.ws_connect(feed.url()) as ws:
            t0 = time.monotonic()
            await ws.send_json(SUB)
            await ws.receive_json()
            latency = time.monotonic() - t0
    assert latency < 0.1, f"snapshot latency {latency * 1000:.0f} ms"


@pytest.mark.failure(category="2", library="aiohttp", shape="raised", cause="open-handshake-timeout")
async def test_orderbook_behind_stuck_gateway():
    server, port, writers = await silent_tcp_server()
    try:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=0.2)) as s:
            async with s.ws_connect(f"http://127.0.0.1:{port}/ws/orderbook") as ws:
                await ws.send_json(SUB)
    finally:
        for w in writers:
            w.close()
        server.close()


@pytest.mark.failure(category="2", library="aiohttp", shape="raised", cause="server-subscribe-timeout")
async def test_late_subscribe_message(session):
    async with AioFeed(server_receive_timeout=0.1) as feed:
        async with session.ws_connect(feed.url()) as ws:
            await asyncio.sleep(0.25)  # client builds its symbol list from the portfolio service first
            await ws.send_json(SUB)
            snap = await ws.receive_json()
    assert snap["type"] == "snapshot"


@pytest.mark.failure(category="2", library="aiohttp", shape="setup", cause="server-not-ready")
class TestOrderbookClient:
    @pytest_asyncio.fixture
    async def ws(self, session):
        feed = AioFeed()
        async with feed:
            port = feed.port
        # the fixture reuses the port of a feed that was already shut down
        async with session.ws_connect(f"http://127.0.0.1:{port}/ws/orderbook") as ws:
            yield ws

    async def test_snapshot_has_both_sides(self, ws):
        await ws.send_json(SUB)
        snap = await ws.receive_json()
        assert snap["book"]["bids"] and snap["book"]["asks"]
