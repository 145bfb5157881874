import asyncio

import pytest
import socketio
from aiohttp import web

from . import rooms

PORT = 48104


@pytest.fixture
async def auction_server():
    rooms.ROOMS.update(ack_delay=0.0, bid_gap=0.0, bids=4)
    runner = web.AppRunner(rooms.make_app())
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", PORT).start()
    yield
    await runner.cleanup()


@pytest.fixture
async def bidder(auction_server):
    client = socketio.AsyncClient(reconnection=False)
    await client.connect(f"http://127.0.0.1:{PORT}", transports=["websocket"])
    yield client
    await client.disconnect()


async def join_lot(client, lot, wait=0.2):
    try:
        return await client.call("join", {"lot": lot}, timeout=wait)
    except socketio.exceptions.TimeoutError:
        return None


async def test_join_lot(bidder):
    assert await join_lot(bidder, "lot-7") == {"ok": True, "lot": "lot-7"}


@pytest.mark.failure(category="2", library="python-socketio", dist="python-socketio", shape="assert", cause="join-ack-later-than-call-timeout")
async def test_join_lot_during_closing_minute(bidder):
    rooms.ROOMS["ack_delay"] = 0.35
    ack = await join_lot(bidder, "lot-9")
    assert ack == {"ok": True, "lot": "lot-9"}


@pytest.mark.failure(category="2", library="python-socketio", dist="python-socketio", shape="assert", cause="bid-events-after-collection-window")
async def test_watch_receives_every_bid(bidder):
    rooms.ROOMS.update(bid_gap=0.15, bids=4)
    bids = []
    bidder.on("bid", lambda data: bids.append(data["amount"]))
    await bidder.emit("watch", {"lot": "lot-3"})
    await asyncio.sleep(0.375)
    assert bids == [100, 110, 120, 130]
