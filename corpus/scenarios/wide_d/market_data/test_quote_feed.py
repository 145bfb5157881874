import asyncio
import time

import pytest

from .gateway import Gateway, QuoteClient

PORT = 47820
PEAK_PORT = 47821  # the second gateway of the pair, the one the morning peak lands on


@pytest.fixture(scope="module")
def gateway():
    return Gateway(PORT).start()


@pytest.fixture(scope="module")
def peak_gateway():
    return Gateway(PEAK_PORT).start()


@pytest.fixture
async def desk(gateway):
    gateway.configure()
    client = await QuoteClient.connect(PORT)
    yield client
    client.close()


async def test_eurusd_ack(desk):
    assert (await desk.subscribe("EURUSD")) == {"type": "ack", "symbol": "EURUSD"}


async def test_three_ticks(desk):
    await desk.subscribe("GBPUSD")
    assert [t["seq"] for t in await desk.ticks(3)] == [0, 1, 2]


@pytest.mark.failure(category="2", library="autobahn", dist="autobahn", shape="async", cause="subscription-ack-slower-than-budget")
async def test_yen_subscription_ack(gateway, desk):
    gateway.configure(ack_delay=0.8)
    ack = await desk.subscribe("USDJPY")
    assert ack["symbol"] == "USDJPY"


@pytest.mark.failure(category="2", library="autobahn", dist="autobahn", shape="chained", cause="subscription-ack-slower-than-budget")
async def test_cable_subscription_on_primary_feed(gateway, desk):
    gateway.configure(ack_delay=0.7)
    assert (await desk.subscribe_or_fail("GBPUSD"))["type"] == "ack"


@pytest.mark.failure(category="2", library="autobahn", dist="autobahn", shape="assert", cause="tick-latency-over-budget")
async def test_tick_latency_requirement(gateway, desk):
    gateway.configure(jitter=[0.25])
    started = time.monotonic()
    await desk.subscribe("EURUSD")
    await desk.ticks(1)
    latency = round(time.monotonic() - started, 1)
    assert latency < 0.2


@pytest.mark.failure(category="2", library="autobahn", dist="autobahn", shape="assert", cause="ticks-delivered-out-of-order")
async def test_ticks_arrive_in_sequence(gateway, desk):
    gateway.configure(tick_interval=0.01, jitter=[0.12, 0.0, 0.0])
    await desk.subscribe("GBPUSD")
    assert [t["seq"] for t in await desk.ticks(3)] == [0, 1, 2]


@pytest.mark.failure(category="2", library="autobahn", dist="autobahn", shape="async", cause="many-subscriptions-ack-backlog")
async def test_subscribe_whole_board(gateway, desk):
    gateway.configure(ack_delay=0.3, tick_interval=1.0)
    acks = await asyncio.gather(*(desk.subscribe(s) for s in ("EURUSD", "GBPUSD", "USDJPY")))
    assert len(acks) == 3


@pytest.mark.failure(category="other", library="autobahn", dist="autobahn", shape="raised", cause="handler-sends-python-repr-not-json")
async def test_symbol_directory(desk):
    assert (await desk.describe())["symbols"] == ["EURUSD", "GBPUSD", "USDJPY"]


@pytest.mark.failure(category="2", library="autobahn", dist="autobahn", shape="async", cause="auto-ping-timeout-during-blocking-snapshot")
async def test_snapshot_during_stream(gateway):
    gateway.configure(snapshot_cost=0.6)
    client = await QuoteClient.connect(PORT, ping_interval=0.1, ping_timeout=0.2)
    try:
        snap = await client.snapshot()
    finally:
        client.close()
    assert snap["prices"]["EURUSD"] == 1.0842


@pytest.mark.failure(category="2", library="autobahn", dist="autobahn", shape="async", cause="opening-handshake-timeout")
async def test_connect_during_morning_peak(peak_gateway):
    peak_gateway.configure(handshake_delay=0.6)
    client = await QuoteClient.connect(PEAK_PORT, handshake_timeout=0.2)
    assert (await client.subscribe("EURUSD"))["type"] == "ack"


@pytest.fixture
async def peak_desk(peak_gateway):
    peak_gateway.configure(handshake_delay=0.5)
    client = await QuoteClient.connect(PEAK_PORT, handshake_timeout=0.15)
    yield client
    client.close()


@pytest.mark.failure(category="2", library="autobahn", dist="autobahn", shape="setup", cause="opening-handshake-timeout")
async def test_peak_subscription_for_cable(peak_desk):
    assert (await peak_desk.subscribe("GBPUSD"))["symbol"] == "GBPUSD"
