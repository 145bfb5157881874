import asyncio

import pytest

from shop.inventory import OutOfStock, PriceBoard, StockStore, reserve, reserve_many, restock

from .conftest import run_random, scaled


async def test_reserve_single():
    store = StockStore({"SKU-1": 3})
    assert await reserve(store, "SKU-1") == 2


async def test_reserve_out_of_stock():
    store = StockStore({"SKU-1": 0})
    with pytest.raises(OutOfStock):
        await reserve(store, "SKU-1")


@pytest.mark.parametrize("n", scaled(3, 10))
async def test_sequential_reservations(n):
    store = StockStore({"SKU-9": 50})
    for _ in range(n % 7 + 1):
        await reserve(store, "SKU-9")
    assert store.snapshot()["SKU-9"] == 50 - (n % 7 + 1)


async def test_restock_adds_quantity():
    store = StockStore({"SKU-2": 1})
    assert await restock(store, "SKU-2", 4) == 5


async def test_restock_under_contention():
    store = StockStore({"SKU-2": 0})
    await asyncio.gather(*(restock(store, "SKU-2", 2) for _ in range(3)))
    assert store.snapshot()["SKU-2"] == 6


async def test_parallel_restock():
    store = StockStore({"SKU-3": 0, "SKU-4": 0})
    await asyncio.gather(restock(store, "SKU-3", 5), restock(store, "SKU-4", 5))
    assert store.snapshot() == {"SKU-3": 5, "SKU-4": 5}


async def test_bulk_restock():
    store = StockStore({f"SKU-{i}": i for i in range(10, 14)})
    totals = await asyncio.gather(*(restock(store, f"SKU-{i}", 100) for i in range(10, 14)))
    assert totals == [110, 111, 112, 113]


@pytest.mark.parametrize("case", scaled(1, 1))
async def test_concurrent_updates(case):
    """Eight shoppers race for five units: exactly five reservations may succeed."""
    store = StockStore({"SKU-7": 5})
    results = await reserve_many(store, [("SKU-7", 1)] * 8)
    succeeded = [r for r in results if not isinstance(r, Exception)]
    assert len(succeeded) == 5, f"oversold: {len(succeeded)} reservations for 5 units"


async def test_latest_price_wins():
    rng = run_random("latest_price")
    board = PriceBoard()
    first = asyncio.create_task(board.apply("AAPL", 1, 189.10, delay=rng.uniform(0.0, 0.03)))
    await asyncio.sleep(0.005)
    second = asyncio.create_task(board.apply("AAPL", 2, 189.45, delay=rng.uniform(0.0, 0.012)))
    await asyncio.gather(first, second)
    assert board.prices["AAPL"] == (2, 189.45)
