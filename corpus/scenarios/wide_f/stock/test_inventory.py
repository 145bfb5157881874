import asyncio

import pytest
import pytest_asyncio
from redis import asyncio as aioredis

from ..conftest import REDIS_HOST, REDIS_PORT
from . import inventory
from .inventory import OutOfStock


@pytest.fixture
async def store():
    client = aioredis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=3, decode_responses=True)
    await client.flushdb()
    await client.mset({"stock:KB-101": 10, "stock:MS-220": 4, "stock:HD-900": 1})
    yield client
    await client.aclose()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def warehouse_client():
    client = aioredis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=3, decode_responses=True)
    await client.ping()
    yield client
    await client.aclose()


@pytest.fixture
async def audit_trail(store):
    yield
    # the audit keys are cleaned with the worker's shared pool, as the worker does after each order
    await inventory.redis.delete("audit:reservations")


async def test_reserve_decrements_stock(store):
    assert await inventory.reserve("KB-101", 3) == 7


@pytest.mark.failure(category="5", library="redis", dist="redis", shape="async", cause="module-client-used-from-next-test-loop")
async def test_restock_after_return(store):
    assert await inventory.restock("MS-220", 2) == 6


async def test_oversell_is_rejected(store):
    with pytest.raises(OutOfStock):
        await inventory.reserve("HD-900", 2)


@pytest.mark.failure(category="5", library="pytest-asyncio", dist="pytest-asyncio", shape="async", cause="module-loop-fixture-used-in-function-loop")
async def test_warehouse_levels(store, warehouse_client):
    levels = await inventory.bulk_levels(warehouse_client, ["KB-101", "MS-220"])
    assert levels == {"KB-101": 10, "MS-220": 4}


@pytest.mark.failure(category="5", library="redis", dist="redis", shape="teardown", cause="teardown-uses-client-of-closed-loop")
async def test_reservation_is_audited(audit_trail, store):
    await store.rpush("audit:reservations", "KB-101:1")
    assert await inventory.reserve("KB-101", 1, client=store) == 9


@pytest.mark.failure(category="5", library="redis", dist="redis", shape="assert", cause="concurrent-read-modify-write-lost-update")
async def test_two_bundles_reserve_same_keyboard(store):
    await asyncio.gather(
        inventory.reserve_counted(store, "KB-101", 2, pick_delay=0.05),
        inventory.reserve_counted(store, "KB-101", 3, pick_delay=0.01),
    )
    assert await inventory.stock_level("KB-101", store) == 5


@pytest.mark.failure(category="5", library="redis", dist="redis", shape="async", cause="redis-lock-blocking-timeout-contention")
async def test_bundles_wait_for_each_other(store):
    left = await asyncio.gather(
        inventory.reserve_locked(store, "MS-220", 1, pick_delay=0.5),
        inventory.reserve_locked(store, "MS-220", 2),
    )
    assert sorted(left) == [1, 3]


@pytest.mark.failure(category="5", library="redis", dist="redis", shape="chained", cause="watch-key-changed-by-concurrent-task")
async def test_optimistic_reservation_commits(store):
    async def checkout_elsewhere():
        # a second worker serves another checkout for the same SKU meanwhile
        await inventory.reserve("MS-220", 1, client=store)

    assert await inventory.reserve_optimistic(store, "MS-220", 2, before_commit=checkout_elsewhere) == 1


@pytest.mark.failure(category="other", library="redis", dist="redis", shape="raised", cause="wrongtype-list-on-counter-key")
async def test_move_keyboard_to_bin(store):
    await inventory.move_to_bin(store, "KB-101", "A-03")
    assert await store.sismember("bin:A-03", "KB-101")


@pytest.mark.failure(category="other", library="redis", dist="redis", shape="raised", cause="missing-key-int-none-typeerror")
async def test_bulk_levels_for_new_sku(store):
    levels = await inventory.bulk_levels(store, ["KB-101", "CB-404"])
    assert levels["CB-404"] == 0
