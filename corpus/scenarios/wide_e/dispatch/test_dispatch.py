import asyncio

import aiomysql
import pytest

from . import fleet
from .fleet import Dispatcher


@pytest.fixture(autouse=True)
async def schema():
    await fleet.reset_schema()


@pytest.fixture
async def pool():
    p = await fleet.create_pool(minsize=1, maxsize=2)
    yield p
    p.terminate()
    await asyncio.wait_for(p.wait_closed(), 2)


async def test_free_couriers_north(pool):
    assert await Dispatcher(pool).free_couriers("north") == ["ana", "ben"]


@pytest.mark.failure(category="3", library="aiomysql", shape="async", cause="pool-acquire-never-released")
async def test_claim_then_list_free_couriers(pool):
    dispatcher = Dispatcher(pool)
    await dispatcher.claim(1)
    await dispatcher.claim(2)
    try:
        free = await asyncio.wait_for(dispatcher.free_couriers("north"), timeout=1.0)
    finally:
        for conn in dispatcher._held:
            conn.close()
            pool.release(conn)
    assert free == []


@pytest.fixture
async def courier_lock():
    """The rota editor keeps courier 2 locked while a dispatcher edits the shift."""
    editor = await aiomysql.connect(**fleet.DSN)
    await editor.begin()
    async with editor.cursor() as cur:
        await cur.execute("SELECT * FROM couriers WHERE id = 2 FOR UPDATE")
    yield editor
    await editor.rollback()
    editor.close()


@pytest.mark.failure(category="3", library="aiomysql", shape="async", cause="innodb-lock-wait-timeout-open-tx")
async def test_assign_courier_being_edited(pool, courier_lock):
    assert await Dispatcher(pool).assign(2) == 1


async def test_shared_pool_lists_south():
    pool = await fleet.get_pool()
    assert await Dispatcher(pool).free_couriers("south") == []


@pytest.mark.failure(category="3", library="aiomysql", shape="async", cause="pool-bound-to-closed-event-loop")
async def test_shared_pool_lists_north():
    pool = await fleet.get_pool()
    assert await Dispatcher(pool).free_couriers("north") == ["ana", "ben"]


@pytest.fixture
async def warm_pool():
    """Pre-warms enough connections for the load test's 16 concurrent handlers."""
    p = await fleet.create_pool(minsize=16, maxsize=16)
    yield p
    p.terminate()
    await asyncio.wait_for(p.wait_closed(), 2)


@pytest.mark.failure(category="3", library="aiomysql", shape="setup", cause="pool-minsize-exceeds-server-max-connections")
async def test_parallel_zone_lookups(warm_pool):
    d = Dispatcher(warm_pool)
    results = await asyncio.gather(*(d.free_couriers("north") for _ in range(16)))
    assert all(r == ["ana", "ben"] for r in results)


@pytest.mark.failure(category="other", library="aiomysql", shape="assert", cause="wrong-expected-percentage")
async def test_south_zone_load(pool):
    assert await Dispatcher(pool).zone_load("north") == 0.0
    await Dispatcher(pool).assign(1)
    assert await Dispatcher(pool).zone_load("north") == 50.0
    await Dispatcher(pool).assign(3)
    assert await Dispatcher(pool).zone_load("south") == 100.0
    assert await Dispatcher(pool).zone_load("north") == 66.7
