import asyncio
from unittest.mock import AsyncMock

import fakeredis
import pytest

from . import jobs


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="assert", cause="gather-completion-order-shared-list")
async def test_quotes_follow_requested_carriers():
    quotes = await jobs.collect_quotes(["dhl", "ups", "fedex"])
    assert [q["carrier"] for q in quotes] == ["dhl", "ups", "fedex"]


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="assert", cause="as-completed-order")
async def test_quote_list_order():
    assert await jobs.quotes_as_ready(["fedex", "dhl", "ups"]) == ["fedex", "dhl", "ups"]


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="assert", cause="taskgroup-append-order")
async def test_quotes_in_group_keep_order():
    seen = await jobs.quotes_in_group(["dhl", "fedex", "ups"])
    assert seen == ["dhl", "fedex", "ups"]


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="assert", cause="lost-update-await-between-read-write")
async def test_hundred_scans_counted():
    counter = jobs.Counter()
    await asyncio.gather(*(counter.bump() for _ in range(100)))
    assert counter.value == 100


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="assert", cause="check-then-act-overdraw")
async def test_wallet_cannot_overdraw():
    wallet = jobs.Wallet(100)
    results = await asyncio.gather(wallet.charge(60), wallet.charge(60))
    assert results.count(True) == 1
    assert wallet.balance == 40


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="assert", cause="concurrent-top-up-lost-update")
async def test_top_ups_add_up():
    wallet = jobs.Wallet(100)
    await asyncio.gather(wallet.top_up(25), wallet.top_up(25))
    assert wallet.balance == 150


@pytest.mark.failure(category="5", library="unittest.mock", dist=None, shape="assert", cause="asyncmock-awaited-before-task-ran")
async def test_pickup_notifications_sent():
    sender = AsyncMock()
    notifier = jobs.Notifier(sender)
    notifier.pickup_booked("o-1")
    notifier.pickup_booked("o-2")
    assert sender.await_count == 2


@pytest.mark.failure(category="5", library="unittest.mock", dist=None, shape="assert", cause="token-fetch-stampede-no-lock")
async def test_token_fetched_once():
    async def slow_token():
        await asyncio.sleep(0.01)
        return "tok-1"

    fetch = AsyncMock(side_effect=slow_token)
    cache = jobs.TokenCache(fetch)
    tokens = await asyncio.gather(*(cache.get() for _ in range(5)))
    assert tokens == ["tok-1"] * 5
    fetch.assert_awaited_once()


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="assert", cause="queue-checked-before-join")
async def test_all_manifests_processed():
    queue, done = asyncio.Queue(), []
    worker = asyncio.create_task(jobs.process(queue, done))
    for item in ("m1", "m2", "m3"):
        queue.put_nowait(item)
    await asyncio.sleep(0.015)
    worker.cancel()
    assert done == ["m1", "m2", "m3"]


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="assert", cause="first-completed-winner-varies-with-delay")
async def test_dhl_preferred_when_available():
    assert await jobs.first_available(["dhl", "fedex"]) == "dhl"


@pytest.mark.failure(category="5", library="redis", dist="fakeredis", shape="assert", cause="redis-get-set-lost-update")
async def test_slots_reserved_concurrently():
    redis = fakeredis.FakeAsyncRedis(decode_responses=True)
    await redis.set("slot:am", 10)
    await asyncio.gather(*(jobs.reserve_slot(redis, "am") for _ in range(4)))
    assert int(await redis.get("slot:am")) == 6
    await redis.aclose()


@pytest.mark.failure(category="5", library="unittest.mock", dist=None, shape="assert", cause="await-args-order-under-gather")
async def test_labels_printed_in_pickup_order():
    from unittest.mock import call

    printer = AsyncMock()

    async def print_label(carrier):
        await jobs.carrier_quote(carrier)
        await printer(carrier)

    await asyncio.gather(*(print_label(c) for c in ("dhl", "fedex", "ups")))
    assert printer.await_args_list == [call("dhl"), call("fedex"), call("ups")]


@pytest.mark.failure(category="5", library="aiohttp", shape="assert", cause="handler-read-await-write-lost-update")
async def test_depot_counts_every_scan():
    from aiohttp import ClientSession, web

    app = jobs.make_depot_app()
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 48110).start()
    try:
        async with ClientSession() as session:

            async def one():
                async with session.post("http://127.0.0.1:48110/scan") as resp:
                    return (await resp.json())["scanned"]

            await asyncio.gather(*(one() for _ in range(20)))
    finally:
        await runner.cleanup()
    assert app["depot"]["scanned"] == 20


@pytest.mark.failure(category="5", library="aiosqlite", shape="assert", cause="concurrent-read-modify-write-same-row")
async def test_route_load_after_bookings(tmp_path):
    import aiosqlite

    async with aiosqlite.connect(tmp_path / "routes.db") as db:
        await db.execute("CREATE TABLE routes (name TEXT PRIMARY KEY, load INTEGER)")
        await db.execute("INSERT INTO routes VALUES ('north', 0)")
        await db.commit()
        await asyncio.gather(jobs.book_pickup(db, "north", 3), jobs.book_pickup(db, "north", 4),
                             jobs.book_pickup(db, "north", 5))
        async with db.execute("SELECT load FROM routes WHERE name = 'north'") as cur:
            (load,) = await cur.fetchone()
    assert load == 12
