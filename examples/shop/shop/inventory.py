"""Async inventory: reservations against a (simulated) remote stock store."""
from __future__ import annotations

import asyncio


class OutOfStock(Exception):
    pass


class StockStore:
    """Stands in for the warehouse service: every call is an await point."""

    def __init__(self, initial: dict[str, int] | None = None, latency: float = 0.001):
        self._stock = dict(initial or {})
        self.latency = latency

    async def get(self, sku: str) -> int:
        await asyncio.sleep(self.latency)
        return self._stock.get(sku, 0)

    async def put(self, sku: str, qty: int) -> None:
        await asyncio.sleep(self.latency)
        self._stock[sku] = qty

    def snapshot(self) -> dict[str, int]:
        return dict(self._stock)


# One lock for all restocks: the warehouse API rejects concurrent bulk writes.
_restock_lock = asyncio.Lock()


async def reserve(store: StockStore, sku: str, qty: int = 1) -> int:
    """Reserve `qty` units; returns the remaining stock."""
    available = await store.get(sku)
    if available < qty:
        raise OutOfStock(f"{sku}: wanted {qty}, have {available}")
    await store.put(sku, available - qty)
    return available - qty


async def restock(store: StockStore, sku: str, qty: int) -> int:
    async with _restock_lock:
        current = await store.get(sku)
        await store.put(sku, current + qty)
        return current + qty


async def reserve_many(store: StockStore, orders: list[tuple[str, int]]) -> list[int | Exception]:
    return await asyncio.gather(*(reserve(store, s, q) for s, q in orders), return_exceptions=True)


class PriceBoard:
    """Latest price per symbol, written by concurrent update tasks."""

    def __init__(self):
        self.prices: dict[str, tuple[int, float]] = {}

    async def apply(self, symbol: str, version: int, price: float, delay: float) -> None:
        await asyncio.sleep(delay)  # fetch/validate
        self.prices[symbol] = (version, price)
