import pytest

from shop.feed import PriceFeedClient, PriceFeedServer

from .conftest import run_random

SYMBOLS = [f"SYM{i:02d}" for i in range(40)]


@pytest.fixture
async def feed_url():
    server = PriceFeedServer()
    url = await server.start()
    yield url
    await server.stop()


async def test_connection_establishment(feed_url):
    async with PriceFeedClient(feed_url) as client:
        assert client.ws is not None


async def test_ping_pong(feed_url):
    async with PriceFeedClient(feed_url) as client:
        assert await client.ping()


async def test_single_symbol_subscription(feed_url):
    async with PriceFeedClient(feed_url) as client:
        assert await client.subscribe(["AAPL"]) == ["AAPL"]


async def test_ticks_contain_prices(feed_url):
    async with PriceFeedClient(feed_url) as client:
        await client.subscribe(["AAPL", "MSFT"])
        ticks = await client.next_ticks(timeout=2.0)
        assert {t["symbol"] for t in ticks} == {"AAPL", "MSFT"}
        assert all(t["price"] > 0 for t in ticks)


async def test_latency_requirement(feed_url):
    """A full watch-list subscription must be acknowledged within 1 s."""
    async with PriceFeedClient(feed_url, ack_timeout=1.0) as client:
        acked = await client.subscribe(SYMBOLS[:30])
        assert len(acked) == 30


async def test_price_subscription_delivery(feed_url):
    async with PriceFeedClient(feed_url) as client:
        await client.subscribe(["AAPL", "NVDA", "VTI"])
        ticks = await client.next_ticks(timeout=0.5)
        assert len(ticks) == 3


async def test_batch_updates_latency(feed_url):
    n = run_random("batch-updates").choice([6, 10, 14, 36])
    async with PriceFeedClient(feed_url, ack_timeout=1.0) as client:
        acked = await client.subscribe(SYMBOLS[:n])
        assert acked == SYMBOLS[:n]
