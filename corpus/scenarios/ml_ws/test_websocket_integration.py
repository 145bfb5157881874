"""Price subscriptions over the real feed server (websockets, 127.0.0.1)."""

from __future__ import annotations

import asyncio
import json
import time

import pytest
import pytest_asyncio
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from ml_ws.wsapp.price_feed import FeedSettings, PriceFeedServer, ThreadedFeed, mute_websocket_server, silent_tcp_server

pytestmark = pytest.mark.asyncio

SUBSCRIBE = json.dumps({"action": "subscribe", "symbols": ["AAPL", "MSFT"], "id": 1})


@pytest_asyncio.fixture
async def feed(request):
    marker = request.node.get_closest_marker("feed")
    settings = FeedSettings(**(marker.kwargs if marker else {}))
    async with PriceFeedServer(settings) as server:
        yield server


async def subscribe(ws):
    await ws.send(SUBSCRIBE)
    return json.loads(await ws.recv())


@pytest.mark.failure(category="2", library="websockets", shape="assert", cause="slow-subscription-ack")
@pytest.mark.feed(ack_delay=0.35)
async def test_latency_requirement(feed):
    async with connect(feed.url) as ws:
        start = time.perf_counter()
        ack = await subscribe(ws)
        elapsed = time.perf_counter() - start
    assert ack["type"] == "subscribed"
    assert elapsed < 0.2, f"subscription ACK took {elapsed:.3f}s (budget 0.2s)"


@pytest.mark.failure(category="2", library="websockets", shape="async", cause="subscription-ack-timeout")
@pytest.mark.feed(ack_delay=0.5)
async def test_price_subscription_delivery(feed):
    async with connect(feed.url) as ws:
        await ws.send(SUBSCRIBE)
        ack = json.loads(await asyncio.wait_for(ws.recv(), timeout=0.05))
        assert ack["type"] == "subscribed"


@pytest.mark.failure(category="2", library="websockets", shape="async", cause="first-tick-timeout")
@pytest.mark.feed(first_tick_delay=0.4)
async def test_first_price_tick_within_budget(feed):
    async with connect(feed.url) as ws:
        await subscribe(ws)
        async with asyncio.timeout(0.1):
            tick = json.loads(await ws.recv())
    assert tick["type"] == "price"


@pytest.mark.failure(category="2", library="websockets", shape="raised", cause="server-closed-1011")
@pytest.mark.feed(ticks=2, close_code=1011, close_reason="upstream quote service unavailable")
async def test_price_stream_continuous(feed):
    async with connect(feed.url) as ws:
        await subscribe(ws)
        prices = [json.loads(await ws.recv()) for _ in range(5)]
    assert len(prices) == 5


@pytest.mark.failure(category="2", library="websockets", shape="raised", cause="server-closed-early")
@pytest.mark.feed(ticks=3)
async def test_receive_ten_ticks(feed):
    received = []
    async with connect(feed.url) as ws:
        await subscribe(ws)
        while len(received) < 10:
            received.append(json.loads(await ws.recv()))
    assert [m["seq"] for m in received] == list(range(1, 11))


@pytest.mark.failure(category="2", library="websockets", shape="assert", cause="server-closed-early")
@pytest.mark.feed(ticks=2, close_code=1001, close_reason="server restarting")
async def test_stream_survives_deploy(feed):
    ticks = []
    async with connect(feed.url) as ws:
        await subscribe(ws)
        try:
            async for raw in ws:
                ticks.append(json.loads(raw))
                if len(ticks) == 5:
                    break
        except ConnectionClosed:
            pass
    assert len(ticks) == 5, f"stream stopped after {len(ticks)} ticks: close code {ws.close_code} {ws.close_reason!r}"


@pytest.mark.failure(category="2", library="websockets", shape="raised", cause="handshake-rejected-403")
@pytest.mark.feed(require_token="s3cr3t")
async def test_authenticated_subscription(feed):
    async with connect(feed.url + "?token=expired") as ws:
        ack = await subscribe(ws)
    assert ack["type"] == "subscribed"


@pytest.mark.failure(category="2", library="websockets", shape="raised", cause="handshake-rejected-404")
async def test_subscription_on_v2_endpoint(feed):
    async with connect(f"ws://127.0.0.1:{feed.port}/v2/prices") as ws:
        await subscribe(ws)


@pytest.mark.failure(category="2", library="websockets", shape="raised", cause="ws-connection-limit")
@pytest.mark.feed(max_clients=2)
async def test_many_dashboards_subscribe(feed):
    clients = []
    try:
        for _ in range(4):
            ws = await connect(feed.url)
            await subscribe(ws)
            clients.append(ws)
    finally:
        for ws in clients:
            await ws.close()
    assert len(clients) == 4


@pytest.mark.failure(category="2", library="websockets", shape="raised", cause="open-handshake-timeout")
async def test_connect_through_stuck_proxy():
    server, port, writers = await silent_tcp_server()
    try:
        async with connect(f"ws://127.0.0.1:{port}/prices", open_timeout=0.2) as ws:
            await subscribe(ws)
    finally:
        for w in writers:
            w.close()
        server.close()


@pytest.mark.failure(category="2", library="websockets", shape="raised", cause="keepalive-ping-timeout")
async def test_feed_keepalive():
    server, port = await mute_websocket_server()
    try:
        async with connect(f"ws://127.0.0.1:{port}/prices", ping_interval=0.05, ping_timeout=0.1, close_timeout=0.1) as ws:
            await ws.send(SUBSCRIBE)
            await ws.recv()
    finally:
        server.close()


@pytest.mark.failure(category="2", library="websockets", shape="raised", cause="idle-heartbeat-timeout")
@pytest.mark.feed(idle_timeout=0.1)
async def test_subscription_kept_alive_while_processing(feed):
    async with connect(feed.url) as ws:
        await subscribe(ws)
        await asyncio.sleep(0.3)  # slow portfolio recomputation: no heartbeat sent meanwhile
        await ws.send(json.dumps({"action": "heartbeat"}))
        await ws.recv()


@pytest.mark.failure(category="2", library="websockets", shape="assert", cause="out-of-order-delivery")
@pytest.mark.feed(ticks=12, jitter=0.03)
async def test_ticks_delivered_in_sequence(feed):
    seqs = []
    async with connect(feed.url) as ws:
        await subscribe(ws)
        for _ in range(12):
            seqs.append(json.loads(await ws.recv())["seq"])
    assert seqs == sorted(seqs)


@pytest.mark.failure(category="2", library="websockets", shape="assert", cause="ack-after-data")
@pytest.mark.feed(ack_after_first_tick=True)
async def test_ack_precedes_prices(feed):
    async with connect(feed.url) as ws:
        await ws.send(SUBSCRIBE)
        first = json.loads(await ws.recv())
    assert first["type"] == "subscribed", f"got {first['type']} before the subscription ACK"


@pytest.mark.failure(category="2", library="websockets", shape="raised", cause="message-too-big")
@pytest.mark.feed(ticks=3, batch_size=4000)
async def test_batch_update_delivery(feed):
    async with connect(feed.url, max_size=64 * 1024) as ws:
        await subscribe(ws)
        batch = json.loads(await ws.recv())
    assert len(batch["updates"]) == 4000


@pytest.mark.failure(category="2", library="websockets", shape="assert", cause="tick-rate-too-low")
@pytest.mark.feed(tick_interval=0.1)
async def test_tick_rate(feed):
    async with connect(feed.url) as ws:
        await subscribe(ws)
        start = time.perf_counter()
        n = 0
        while time.perf_counter() - start < 0.3:
            await ws.recv()
            n += 1
    rate = n / 0.3
    assert rate >= 20, f"expected >= 20 ticks/s, got {rate:.1f}"


@pytest.mark.failure(category="2", library="websockets", shape="assert", cause="p95-latency-budget")
@pytest.mark.feed(ack_delay=0.03)
async def test_subscription_p95_latency(feed):
    samples = []
    for _ in range(8):
        async with connect(feed.url) as ws:
            t0 = time.perf_counter()
            await subscribe(ws)
            samples.append((time.perf_counter() - t0) * 1000)
    samples.sort()
    p95 = samples[int(len(samples) * 0.95) - 1]
    assert p95 < 20.0, f"p95 subscription latency {p95:.1f} ms over the 20 ms budget: {samples}"


@pytest.mark.failure(category="2", library="websockets", shape="setup", cause="server-not-ready")
class TestFeedStartup:
    @pytest_asyncio.fixture
    async def ws(self):
        feed = ThreadedFeed(startup_delay=0.3).start(wait=False)  # no readiness wait before connecting
        try:
            async with connect(feed.url, open_timeout=0.2) as ws:
                yield ws
        finally:
            await asyncio.to_thread(feed.ready.wait, 2)
            feed.stop()

    async def test_first_subscription_after_boot(self, ws):
        assert (await subscribe(ws))["type"] == "subscribed"


@pytest.mark.failure(category="2", library="websockets", shape="raised", cause="reconnect-refused")
async def test_websocket_recovery():
    server = await PriceFeedServer().start()
    url = server.url
    async with connect(url) as ws:
        await subscribe(ws)
        await server.stop()  # feed restarts during the deploy
        async for _ in ws:
            pass
    # the client reconnects at once, before the new feed process is listening again
    async with connect(url, open_timeout=0.2) as ws:
        assert (await subscribe(ws))["type"] == "subscribed"


@pytest.mark.failure(category="2", library="websockets", shape="teardown", cause="close-handshake-timeout")
class TestFeedShutdown:
    @pytest_asyncio.fixture
    async def mute_feed(self):
        server, port = await mute_websocket_server()
        ws = await connect(f"ws://127.0.0.1:{port}/prices", close_timeout=0.1, ping_interval=None)
        yield ws
        t0 = time.perf_counter()
        await ws.close()
        server.close()
        assert time.perf_counter() - t0 < 0.05, f"close handshake took {time.perf_counter() - t0:.2f}s"

    async def test_subscribe_sent(self, mute_feed):
        await mute_feed.send(SUBSCRIBE)


@pytest.mark.failure(category="2", library="websockets", shape="timeout", cause="recv-without-timeout")
@pytest.mark.feed(ack_delay=2.5)
@pytest.mark.timeout(1.5)
async def test_wait_for_ack_forever(feed):
    async with connect(feed.url) as ws:
        await ws.send(SUBSCRIBE)
        ack = json.loads(await ws.recv())
    assert ack["type"] == "subscribed"
