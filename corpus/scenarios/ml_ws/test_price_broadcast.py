"""Fan-out of price updates (per-client asyncio queues) and delivery to websocket clients."""

from __future__ import annotations

import asyncio
import json
import random
import time

import pytest
from websockets.asyncio.client import connect
from websockets.asyncio.server import serve

from ml_ws.wsapp.broadcaster import Broadcaster, pump

pytestmark = pytest.mark.asyncio


def updates(n):
    return [{"symbol": "AAPL", "seq": i, "price": 180 + i / 100} for i in range(1, n + 1)]


@pytest.mark.failure(category="2", library="asyncio", dist=None, shape="raised", cause="queue-backlog-overflow")
async def test_batch_update_fanout():
    hub = Broadcaster(max_backlog=100)
    hub.subscribe("dashboard-1")
    hub.subscribe("dashboard-2")
    await hub.publish_batch(updates(250))  # end-of-day batch: 250 updates while no consumer runs
    assert all(q.qsize() == 250 for q in hub.subscribers.values())


@pytest.mark.failure(category="2", library="asyncio", dist=None, shape="assert", cause="out-of-order-delivery")
async def test_fanout_preserves_order():
    hub = Broadcaster()
    q = hub.subscribe("risk-engine")
    rng = random.Random(5)
    await hub.publish_concurrently(updates(20), send_delay=lambda u: rng.random() * 0.02)
    seqs = [q.get_nowait()["seq"] for _ in range(q.qsize())]
    assert seqs == list(range(1, 21))


@pytest.mark.failure(category="2", library="asyncio", dist=None, shape="async", cause="slow-consumer-drain-timeout")
async def test_backlog_drains_before_close():
    hub = Broadcaster(max_backlog=1000)
    q = hub.subscribe("slow-client")
    sent = []

    class Sink:
        async def send(self, data):
            sent.append(data)
            q.task_done()

    pumper = asyncio.create_task(pump(q, Sink(), per_message_delay=0.01))
    hub.publish(updates(1)[0])
    await hub.publish_batch(updates(200))
    try:
        await asyncio.wait_for(q.join(), timeout=0.2)
    finally:
        pumper.cancel()


async def _feed_server(hub: Broadcaster, per_message_delay: float):
    async def handler(ws):
        q = hub.subscribe(str(id(ws)))
        await ws.send(json.dumps({"type": "subscribed"}))
        await pump(q, ws, per_message_delay)

    return await serve(handler, "127.0.0.1", 0)


@pytest.mark.failure(category="2", library="asyncio", dist=None, shape="assert", cause="message-delivery-latency")
async def test_update_end_to_end_latency():
    hub = Broadcaster()
    server = await _feed_server(hub, per_message_delay=0.02)
    port = server.sockets[0].getsockname()[1]
    try:
        async with connect(f"ws://127.0.0.1:{port}/") as ws:
            await ws.recv()
            published_at = time.perf_counter()
            await hub.publish_batch(updates(15))
            for _ in range(15):
                await ws.recv()
            last_latency = time.perf_counter() - published_at
    finally:
        server.close()
    assert last_latency < 0.1, f"last update delivered {last_latency * 1000:.0f} ms after publish"


@pytest.mark.failure(category="2", library="asyncio", dist=None, shape="assert", cause="queue-backlog-overflow")
async def test_no_backlog_after_burst():
    hub = Broadcaster()
    server = await _feed_server(hub, per_message_delay=0.01)
    port = server.sockets[0].getsockname()[1]
    try:
        async with connect(f"ws://127.0.0.1:{port}/") as ws:
            await ws.recv()
            await hub.publish_batch(updates(60))
            await asyncio.sleep(0.15)
            backlog = max(q.qsize() for q in hub.subscribers.values())
    finally:
        server.close()
    assert backlog == 0, f"{backlog} updates still queued 150 ms after the burst"
