import asyncio
import json
import threading

import pytest
from websockets.asyncio.client import connect
from websockets.sync.client import connect as connect_sync

from . import feed

PORT = 47910
URL = f"ws://127.0.0.1:{PORT}"


@pytest.fixture(scope="module", autouse=True)
def ticker_server():
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    holder = {}

    async def main():
        async with feed.make_server(PORT) as server:
            holder["server"] = server
            ready.set()
            await server.serve_forever()

    thread = threading.Thread(target=loop.run_until_complete, args=(main(),), daemon=True)
    thread.start()
    ready.wait(5)
    yield
    loop.call_soon_threadsafe(holder["server"].close)
    thread.join(5)


@pytest.fixture(autouse=True)
def default_settings():
    feed.SETTINGS.update(ack_delay=0.0, snapshot_seconds=0.0, max_clients=3, auth_seconds=0.0, upstream_timeout=0.1)
    yield


async def subscribe(ws, symbols, ack_within=0.2):
    await ws.send(json.dumps({"subscribe": symbols}))
    return json.loads(await asyncio.wait_for(ws.recv(), ack_within))


async def test_subscribe_acks_symbols():
    async with connect(f"{URL}/quotes") as ws:
        assert (await subscribe(ws, ["ACME"]))["symbols"] == ["ACME"]


@pytest.mark.failure(category="2", library="websockets", dist="websockets", shape="async", cause="subscription-ack-later-than-wait-for")
async def test_subscribe_ack_during_market_open():
    feed.SETTINGS["ack_delay"] = 0.5
    async with connect(f"{URL}/quotes") as ws:
        ack = await subscribe(ws, ["ACME", "BOLT"])
    assert ack["type"] == "ack"


@pytest.mark.failure(category="2", library="websockets", dist="websockets", shape="raised", cause="keepalive-ping-timeout-blocked-server")
async def test_snapshot_connection_stays_healthy():
    feed.SETTINGS["snapshot_seconds"] = 1.0
    async with connect(f"{URL}/snapshot", ping_interval=0.1, ping_timeout=0.2) as ws:
        await asyncio.sleep(0.5)
        snapshot = json.loads(await ws.recv())
    assert snapshot["type"] == "snapshot"


@pytest.mark.failure(category="2", library="websockets", dist="websockets", shape="raised", cause="handshake-rejected-503-client-limit")
async def test_trading_desk_opens_four_tickers():
    feed.SETTINGS["max_clients"] = 3
    sockets = []
    try:
        for _ in range(4):
            sockets.append(await connect(f"{URL}/quotes"))
    finally:
        for ws in sockets:
            await ws.close()
    assert len(sockets) == 4


@pytest.mark.failure(category="2", library="websockets", dist="websockets", shape="raised", cause="opening-handshake-timeout-slow-auth")
async def test_connect_while_identity_provider_is_slow():
    feed.SETTINGS["auth_seconds"] = 0.5
    async with connect(f"{URL}/quotes", open_timeout=0.2) as ws:
        assert (await subscribe(ws, ["CRUX"]))["symbols"] == ["CRUX"]


@pytest.mark.failure(category="2", library="websockets", dist="websockets", shape="raised", cause="server-closed-1011-upstream-timeout")
async def test_replay_of_todays_trades():
    async with connect(f"{URL}/replay") as ws:
        await ws.send("2026-03-02")
        trade = json.loads(await ws.recv())
    assert trade["symbol"] == "ACME"


@pytest.mark.failure(category="2", library="websockets", dist="websockets", shape="raised", cause="sync-client-recv-timeout-slow-ack")
def test_back_office_sync_client_subscribes():
    feed.SETTINGS["ack_delay"] = 0.5
    with connect_sync(f"{URL}/quotes") as ws:
        ws.send(json.dumps({"subscribe": ["BOLT"]}))
        ack = json.loads(ws.recv(timeout=0.2))
    assert ack["symbols"] == ["BOLT"]


@pytest.mark.failure(category="other", library="websockets", dist="websockets", shape="raised", cause="error-frame-instead-of-quote-keyerror")
async def test_subscribe_to_delisted_symbol():
    async with connect(f"{URL}/quotes") as ws:
        await subscribe(ws, ["DELT"])
        quote = json.loads(await ws.recv())
    assert quote["symbol"] == "DELT"
