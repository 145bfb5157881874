"""Price engine: cached base prices (aiocache), promotion table behind a read/write lock (aiorwlock), and the
Django-era tax helpers that are still synchronous (wrapped with asgiref)."""

from __future__ import annotations

import asyncio
import threading
from decimal import Decimal

import aiorwlock
from aiocache import Cache
from aiocache.lock import OptimisticLock, RedLock
from asgiref.sync import async_to_sync, sync_to_async

cache = Cache(Cache.MEMORY, namespace="prices")
PRICE_COMPUTATIONS: list[str] = []


async def compute_base_price(sku: str) -> Decimal:
    PRICE_COMPUTATIONS.append(sku)
    await asyncio.sleep(0.05)
    return Decimal("19.99")


async def base_price(sku: str, lease: float = 0.02) -> Decimal:
    async with RedLock(cache, f"compute:{sku}", lease=lease):
        cached = await cache.get(sku)
        if cached is not None:
            return cached
        price = await compute_base_price(sku)
        await cache.set(sku, price)
        return price


async def apply_markdown(sku: str, percent: int, review_delay: float = 0.0) -> Decimal:
    async with OptimisticLock(cache, sku) as lock:
        current = await cache.get(sku)
        await asyncio.sleep(review_delay)
        new = (current * (100 - percent) / 100).quantize(Decimal("0.01"))
        await lock.cas(new)
        return new


class Promotions:
    def __init__(self) -> None:
        self.lock = aiorwlock.RWLock()
        self.table: dict[str, int] = {"SUMMER": 10}

    async def discount(self, code: str) -> int:
        async with self.lock.reader_lock:
            return self.table.get(code, 0)

    async def discount_or_create(self, code: str, default: int) -> int:
        async with self.lock.reader_lock:
            if code in self.table:
                return self.table[code]
            async with self.lock.writer_lock:
                self.table[code] = default
                return default


# --- legacy synchronous tax code (shared with the Django back office) ---

TAX_RATES = {"GB": Decimal("0.20"), "DE": Decimal("0.19"), "FR": Decimal("0.20")}


async def fetch_rate(country: str) -> Decimal:
    await asyncio.sleep(0)
    return TAX_RATES[country]


def gross_sync(net: Decimal, country: str) -> Decimal:
    rate = async_to_sync(fetch_rate)(country)
    return (net * (1 + rate)).quantize(Decimal("0.01"))


async def gross(net: Decimal, country: str) -> Decimal:
    return gross_sync(net, country)


def _rounding_rules_sync(country: str) -> str:
    loop = asyncio.get_event_loop()
    return "half-up" if loop.is_running() and country == "GB" else "half-even"


rounding_rules = sync_to_async(_rounding_rules_sync, thread_sensitive=False)


_ledger_released = threading.Event()


def _wait_for_ledger_release(timeout: float) -> bool:
    return _ledger_released.wait(timeout)


def _release_ledger() -> None:
    _ledger_released.set()


async def close_period() -> bool:
    # the back office closes the period once the ledger writer has released it
    waiter = sync_to_async(_wait_for_ledger_release)(2.0)
    releaser = sync_to_async(_release_ledger)()
    done, _ = await asyncio.gather(waiter, releaser)
    return done
