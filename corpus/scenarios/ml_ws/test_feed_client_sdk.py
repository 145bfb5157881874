"""The feed client SDK against real feed servers."""

from __future__ import annotations

import pytest

from ml_ws.wsapp.aio_feed import AioFeed
from ml_ws.wsapp.client import PriceFeedClient, fetch_orderbook_snapshot, latest_rate
from ml_ws.wsapp.price_feed import FeedSettings, PriceFeedServer, ThreadedFeed


@pytest.mark.failure(category="2", library="websockets", shape="chained", cause="subscription-ack-timeout")
@pytest.mark.asyncio
async def test_sdk_subscribe_ack():
    async with PriceFeedServer(FeedSettings(ack_delay=0.4)) as feed:
        async with PriceFeedClient(feed.url, ack_timeout=0.1) as client:
            ack = await client.subscribe(["NVDA"])
    assert ack["type"] == "subscribed"


@pytest.mark.failure(category="2", library="websockets", shape="chained", cause="server-closed-1011")
@pytest.mark.asyncio
async def test_sdk_price_stream():
    async with PriceFeedServer(FeedSettings(ticks=1, close_code=1011, close_reason="quote cache stale")) as feed:
        async with PriceFeedClient(feed.url) as client:
            await client.subscribe(["NVDA"])
            prices = [await client.next_price() for _ in range(3)]
    assert len(prices) == 3


@pytest.mark.failure(category="2", library="aiohttp", shape="chained", cause="snapshot-timeout")
@pytest.mark.asyncio
async def test_sdk_orderbook_snapshot():
    async with AioFeed(snapshot_delay=0.4) as feed:
        snap = await fetch_orderbook_snapshot(feed.url(), "ETH-USD", timeout=0.1)
    assert snap["type"] == "snapshot"


@pytest.mark.failure(category="2", library="websocket-client", shape="chained", cause="first-tick-timeout")
def test_sdk_latest_rate():
    feed = ThreadedFeed(FeedSettings(first_tick_delay=0.5)).start()
    try:
        rate = latest_rate(feed.url, "GBPUSD", timeout=0.1)
    finally:
        feed.stop()
    assert rate["symbol"] == "GBPUSD"
