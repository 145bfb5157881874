"""Trade blotter stream (Tornado server and tornado.websocket client)."""

from __future__ import annotations

import datetime
import json
import time

import pytest
from tornado import gen, httpclient, websocket

from ml_ws.wsapp.price_feed import mute_websocket_server, silent_tcp_server
from ml_ws.wsapp.tornado_feed import TornadoFeed

pytestmark = pytest.mark.asyncio

SUB = json.dumps({"action": "subscribe", "book": "RATES-EU"})


@pytest.mark.failure(category="2", library="tornado", shape="assert", cause="server-closed-early")
async def test_blotter_streams_all_trades():
    async with TornadoFeed(trades=2, close_code=1011, close_reason="blotter db lagging") as feed:
        conn = await websocket.websocket_connect(feed.url)
        conn.write_message(SUB)
        msgs = [await conn.read_message() for _ in range(4)]  # ACK + 3 trades
        conn.close()
    assert None not in msgs, f"stream closed: code={conn.close_code} reason={conn.close_reason!r}"


@pytest.mark.failure(category="2", library="tornado", shape="raised", cause="handshake-rejected-403")
async def test_blotter_desk_authorisation():
    async with TornadoFeed(desk_required=True) as feed:
        conn = await websocket.websocket_connect(feed.url + "?desk=fx")
        conn.close()


@pytest.mark.failure(category="2", library="tornado", shape="async", cause="subscription-ack-timeout")
async def test_blotter_subscription_ack():
    async with TornadoFeed(ack_delay=0.5) as feed:
        conn = await websocket.websocket_connect(feed.url)
        try:
            conn.write_message(SUB)
            ack = await gen.with_timeout(datetime.timedelta(seconds=0.05), conn.read_message())
        finally:
            conn.close()
    assert json.loads(ack)["type"] == "subscribed"


@pytest.mark.failure(category="2", library="tornado", shape="raised", cause="open-handshake-timeout")
async def test_blotter_through_stuck_lb():
    server, port, writers = await silent_tcp_server()
    try:
        request = httpclient.HTTPRequest(f"ws://127.0.0.1:{port}/ws/blotter", connect_timeout=0.2, request_timeout=0.2)
        conn = await websocket.websocket_connect(request)
        conn.close()
    finally:
        for w in writers:
            w.close()
        server.close()


@pytest.mark.failure(category="2", library="tornado", shape="assert", cause="keepalive-ping-timeout")
async def test_blotter_keepalive():
    server, port = await mute_websocket_server()
    try:
        conn = await websocket.websocket_connect(f"ws://127.0.0.1:{port}/ws/blotter", ping_interval=0.05, ping_timeout=0.1)
        conn.write_message(SUB)
        msg = await conn.read_message()
    finally:
        server.close()
    assert msg is not None, f"connection dropped: close_code={conn.close_code} reason={conn.close_reason!r}"


@pytest.mark.failure(category="2", library="tornado", shape="assert", cause="message-too-big")
async def test_blotter_multi_leg_trades():
    async with TornadoFeed(trades=1, legs=2000) as feed:
        conn = await websocket.websocket_connect(feed.url, max_message_size=32 * 1024)
        conn.write_message(SUB)
        await conn.read_message()
        trade = await conn.read_message()
        conn.close()
    assert trade is not None, f"trade lost: close_code={conn.close_code}"


@pytest.mark.failure(category="2", library="tornado", shape="assert", cause="slow-subscription-ack")
async def test_blotter_ack_latency():
    async with TornadoFeed(ack_delay=0.2) as feed:
        conn = await websocket.websocket_connect(feed.url)
        t0 = time.perf_counter()
        conn.write_message(SUB)
        await conn.read_message()
        latency = time.perf_counter() - t0
        conn.close()
    assert latency <= 0.1
