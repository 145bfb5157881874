"""Market-data gateway (ASGI on uvicorn) exercised with a real websocket client."""

from __future__ import annotations

import asyncio
import json
import time

import pytest
from websockets.asyncio.client import connect

from wide_a.realtime.feeds import LiveServer, gateway

pytestmark = pytest.mark.asyncio

uv_failure = lambda shape, cause: pytest.mark.failure(category="2", library="uvicorn", shape=shape, cause=cause)  # noqa: E731


@pytest.fixture
def gateway_server():
    with LiveServer(gateway) as srv:
        yield srv


async def test_echo_roundtrip(gateway_server):
    async with connect(gateway_server.url + "/echo") as ws:
        await ws.send("ping")
        assert await ws.recv() == "ping"


@uv_failure("async", "handshake-rejected-403")
async def test_private_order_stream_subscribes(gateway_server):
    async with connect(gateway_server.url + "/private/orders", additional_headers={"Authorization": "Bearer expired"}) as ws:
        await ws.send(json.dumps({"op": "subscribe"}))


@uv_failure("async", "server-error-close-1011")
async def test_quote_snapshot_for_watchlist(gateway_server):
    async with connect(gateway_server.url + "/quotes") as ws:
        await ws.send(json.dumps({"symbols": ["AAPL", "NVDA"]}))
        quotes = json.loads(await ws.recv())
    assert set(quotes) == {"AAPL", "NVDA"}


@uv_failure("assert", "first-message-latency")
async def test_first_tick_within_latency_budget(gateway_server):
    async with connect(gateway_server.url + "/ticks") as ws:
        t0 = time.perf_counter()
        await ws.recv()
        latency = time.perf_counter() - t0
    assert latency < 0.2, f"first tick after {latency * 1000:.0f} ms (budget 200 ms)"


@uv_failure("async", "recv-timeout")
async def test_tick_arrives_after_subscribe(gateway_server):
    async with connect(gateway_server.url + "/ticks") as ws:
        tick = await asyncio.wait_for(ws.recv(), timeout=0.15)
    assert json.loads(tick)["seq"] == 1


@uv_failure("assert", "out-of-order-delivery")
async def test_fanout_ticks_in_sequence(gateway_server):
    async with connect(gateway_server.url + "/ticks/fanout") as ws:
        seqs = [json.loads(await ws.recv())["seq"] for _ in range(10)]
    assert seqs == list(range(1, 11))


@uv_failure("timeout", "recv-waits-forever")
@pytest.mark.timeout(1.5)
async def test_heartbeat_from_idle_channel(gateway_server):
    async with connect(gateway_server.url + "/idle") as ws:
        assert json.loads(await ws.recv())["type"] == "heartbeat"


@uv_failure("async", "message-too-big-1009")
async def test_bulk_order_upload():
    with LiveServer(gateway, ws_max_size=4096) as srv:
        async with connect(srv.url + "/echo") as ws:
            await ws.send(json.dumps({"orders": [{"sku": f"SKU-{i}", "qty": 1} for i in range(400)]}))
            assert json.loads(await ws.recv())["orders"]


@uv_failure("async", "keepalive-ping-timeout")
async def test_feed_survives_slow_rebalance():
    with LiveServer(gateway, ws_ping_interval=0.1, ws_ping_timeout=0.1) as srv:
        async with connect(srv.url + "/echo", ping_interval=None) as ws:
            time.sleep(0.5)  # portfolio rebalance is CPU-bound and blocks the client's event loop
            await asyncio.sleep(0.3)
            await ws.send("rebalance-done")
            assert await ws.recv() == "rebalance-done"
