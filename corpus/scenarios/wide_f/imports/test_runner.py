import asyncio
import gc

import pytest
import pytest_asyncio

from . import runner
from .runner import Batch, Catalogue, Feed, ImportGate, MetricsReporter, SupplierSlots

ROWS = [{"sku": "ab-1", "price": 3.5}, {"sku": "ab-2", "price": 4.0}]


@pytest.fixture
async def loop_errors():
    loop = asyncio.get_running_loop()
    errors: list[str] = []
    loop.set_exception_handler(lambda _loop, ctx: errors.append(ctx["message"]))
    yield errors
    gc.collect()
    await asyncio.sleep(0)
    assert errors == []


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def bestsellers_prefetch():
    task = asyncio.create_task(runner.prefetch_bestsellers())
    yield task
    task.cancel()


async def test_fetch_all_fast_feeds():
    got = await runner.fetch_all([Feed("acme", 0.0, ROWS)], per_feed=0.2)
    assert got["acme"] == ROWS


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="raised", cause="taskgroup-child-timeout-exceptiongroup")
async def test_import_all_suppliers():
    feeds = [Feed("acme", 0.01, ROWS), Feed("bolt", 0.3, ROWS), Feed("crux", 0.02, ROWS)]
    got = await runner.fetch_all(feeds, per_feed=0.1)
    assert sorted(got) == ["acme", "bolt", "crux"]


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="assert", cause="gather-completion-order-assumed")
async def test_import_log_lists_suppliers_in_config_order():
    feeds = [Feed("acme", 0.03), Feed("bolt", 0.01), Feed("crux", 0.02)]
    assert await runner.fetch_in_arrival_order(feeds) == ["acme", "bolt", "crux"]


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="raised", cause="future-result-set-twice-invalidstateerror")
async def test_redelivered_batches_are_committed_once():
    batches = [Batch(ROWS), Batch(ROWS[:1])]
    assert await runner.write_batches(batches) == ["writer-0", "writer-1"]


@pytest.mark.failure(category="5", library="pytest-timeout", dist="pytest-timeout", shape="timeout", cause="lock-order-inversion-deadlock")
@pytest.mark.timeout(1)
async def test_product_upsert_and_reprice_together():
    catalogue = Catalogue()
    await asyncio.gather(catalogue.upsert_product("AB-1", ROWS[0]), catalogue.reprice("AB-1", 3.99))
    assert catalogue.prices["AB-1"] == 3.99


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="async", cause="condition-notified-before-wait")
async def test_importer_starts_after_migration():
    gate = ImportGate()
    migration = asyncio.create_task(gate.mark_migrated())
    await asyncio.sleep(0.01)
    await asyncio.wait_for(gate.wait_migrated(), timeout=0.2)
    await migration


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="raised", cause="bounded-semaphore-released-twice")
async def test_feed_slots_are_returned():
    slots = SupplierSlots(2)
    rows = await asyncio.gather(slots.run(runner.fetch, Feed("acme", 0.0, ROWS)), slots.run(runner.fetch, Feed("bolt", 0.0)))
    assert rows[0] == ROWS


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="raised", cause="retry-awaits-same-coroutine-twice")
async def test_supplier_reset_is_retried():
    attempts = []

    async def fetch_bolt():
        attempts.append(1)
        if len(attempts) == 1:
            raise ConnectionResetError("supplier reset the connection")
        return ROWS

    assert await runner.with_retry(fetch_bolt()) == ROWS


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="raised", cause="run-until-complete-inside-running-loop")
async def test_async_import_normalises_skus():
    assert runner.normalise_sync(ROWS)[0]["sku"] == "AB-1"


async def test_metrics_reporter_posts_progress():
    MetricsReporter.bind(asyncio.get_running_loop())
    reporter = MetricsReporter()
    reporter.report(10)
    await asyncio.sleep(0.01)
    assert reporter.seen == [10]


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="raised", cause="call-soon-threadsafe-on-closed-loop")
async def test_metrics_reporter_posts_final_count():
    MetricsReporter.bind(asyncio.get_running_loop())
    reporter = MetricsReporter()
    reporter.report(25)
    await asyncio.sleep(0.01)
    assert reporter.seen == [25]


@pytest.mark.failure(category="5", library="concurrent.futures", dist=None, shape="raised", cause="run-coroutine-threadsafe-result-blocks-own-loop")
async def test_metrics_flush_waits_for_writer():
    async def drain():
        await asyncio.sleep(0)
        return 3

    fut = asyncio.run_coroutine_threadsafe(drain(), asyncio.get_running_loop())
    assert fut.result(timeout=0.5) == 3


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="teardown", cause="task-exception-never-retrieved")
async def test_price_refresh_is_scheduled(loop_errors):
    catalogue = Catalogue()

    async def refresh():
        await catalogue.reprice("AB-9", 1.0)
        raise ConnectionResetError("pricing service went away")

    asyncio.create_task(refresh())
    await asyncio.sleep(0.05)
    assert catalogue.prices["AB-9"] == 1.0


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="teardown", cause="task-destroyed-but-pending")
async def test_waiting_importer_is_dropped(loop_errors):
    gate = ImportGate()
    asyncio.create_task(gate.wait_migrated())
    await asyncio.sleep(0.01)
    assert not gate.migrated


@pytest.mark.failure(category="other", library="asyncio", dist=None, shape="raised", cause="taskgroup-wraps-keyerror-in-row")
async def test_import_supplier_with_partial_rows():
    async def parse(feed):
        return [row["price"] for row in await runner.fetch(feed)]

    async with asyncio.TaskGroup() as tg:
        tg.create_task(parse(Feed("acme", 0.0, ROWS)))
        tg.create_task(parse(Feed("dyna", 0.0, [{"sku": "dy-1", "cost": 2.0}])))


@pytest.mark.failure(category="other", library="float", dist=None, shape="assert", cause="float-sum-of-prices")
async def test_import_total_value():
    rows = await runner.fetch(Feed("acme", 0.0, [{"sku": "x", "price": 0.1}, {"sku": "y", "price": 0.2}]))
    assert sum(r["price"] for r in rows) == 0.3


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="raised", cause="barrier-aborted-by-timed-out-party")
async def test_catalogue_swap_after_all_shards_load():
    swapped = await runner.load_shards({"eu": 0.01, "us": 0.02, "apac": 0.3}, deadline=0.1)
    assert sorted(swapped) == ["apac", "eu", "us"]


@pytest.mark.failure(category="5", library="pytest-asyncio", dist="pytest-asyncio", shape="async", cause="module-loop-task-awaited-in-function-loop")
async def test_bestsellers_prefetched_for_homepage(bestsellers_prefetch):
    assert await bestsellers_prefetch == ["AB-1", "AB-2"]
