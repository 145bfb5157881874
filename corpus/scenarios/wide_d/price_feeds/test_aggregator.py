import pytest

from . import aggregator
from .aggregator import FEED_DELAY, best_prices, enriched, first_quote, last_quote, merged


@pytest.fixture(autouse=True)
def normal_delays():
    FEED_DELAY.update(north=0.02, south=0.01)
    aggregator.SEEN.clear()


async def test_best_keyboard_price():
    assert (await best_prices())["KB-01"] == 47.5


async def test_last_north_quote():
    assert (await last_quote("north"))["sku"] == "MS-02"


@pytest.mark.failure(category="5", library="aiostream", dist="aiostream", shape="assert", cause="merge-interleaves-by-arrival-time")
async def test_merged_stream_lists_north_first():
    async with merged().stream() as quotes:
        feeds = [q["feed"] async for q in quotes]
    assert feeds == ["north", "north", "south", "south"]


@pytest.mark.failure(category="5", library="aiostream", dist="aiostream", shape="assert", cause="unordered-map-completes-out-of-order")
async def test_enriched_quotes_keep_feed_order():
    quotes = await enriched("south")
    assert [q["sku"] for q in quotes] == ["KB-01", "HD-03"]


@pytest.mark.failure(category="5", library="aiostream", dist="aiostream", shape="async", cause="stream-item-timeout")
async def test_first_quote_from_slow_feed():
    FEED_DELAY["north"] = 0.3
    assert (await first_quote("north", within=0.1))[0]["sku"] == "KB-01"


@pytest.mark.failure(category="5", library="aiostream", dist="aiostream", shape="raised", cause="stream-context-iterated-outside-context")
async def test_merged_stream_reused_after_close():
    async with merged().stream() as quotes:
        first = await quotes.__anext__()
    rest = [q async for q in quotes]
    assert len(rest) == 3 and first


@pytest.mark.failure(category="other", library="aiostream", dist="aiostream", shape="raised", cause="empty-feed-stream-has-no-last")
async def test_last_quote_of_new_supplier():
    aggregator.FEEDS["east"] = []
    aggregator.FEED_DELAY["east"] = 0.0
    try:
        assert (await last_quote("east"))["price"] > 0
    finally:
        del aggregator.FEEDS["east"], aggregator.FEED_DELAY["east"]
