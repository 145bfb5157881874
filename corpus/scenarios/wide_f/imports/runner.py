"""Supplier catalogue import: fetch feeds concurrently, normalise rows, hand batches to the writer.

Feeds are fetched in an ``asyncio.TaskGroup`` with a per-feed deadline; the writer consumes a queue; progress is
reported to a metrics thread that posts back onto the loop.
"""

from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass, field


@dataclass
class Feed:
    supplier: str
    latency: float
    rows: list[dict] = field(default_factory=list)


async def fetch(feed: Feed) -> list[dict]:
    await asyncio.sleep(feed.latency)
    return list(feed.rows)


async def fetch_all(feeds: list[Feed], per_feed: float) -> dict[str, list[dict]]:
    results: dict[str, list[dict]] = {}

    async def one(feed: Feed) -> None:
        async with asyncio.timeout(per_feed):
            results[feed.supplier] = await fetch(feed)

    async with asyncio.TaskGroup() as tg:
        for feed in feeds:
            tg.create_task(one(feed))
    return results


async def fetch_in_arrival_order(feeds: list[Feed]) -> list[str]:
    arrived: list[str] = []

    async def one(feed: Feed) -> None:
        await fetch(feed)
        arrived.append(feed.supplier)

    await asyncio.gather(*(one(f) for f in feeds))
    return arrived


class Batch:
    """A batch is acknowledged exactly once, by whichever writer commits it."""

    def __init__(self, rows: list[dict]) -> None:
        self.rows = rows
        self.committed: asyncio.Future = asyncio.get_running_loop().create_future()


async def writer(name: str, queue: asyncio.Queue, delay: float) -> None:
    while True:
        batch: Batch = await queue.get()
        await asyncio.sleep(delay)
        batch.committed.set_result(name)
        queue.task_done()


async def write_batches(batches: list[Batch], writers: int = 2) -> list[str]:
    queue: asyncio.Queue = asyncio.Queue()
    for batch in batches:
        queue.put_nowait(batch)
        # redeliver: the broker hands unacknowledged batches to a second writer after the visibility timeout
        queue.put_nowait(batch)
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(writer(f"writer-{i}", queue, 0.01 * (i + 1))) for i in range(writers)]
        done = await asyncio.gather(*(b.committed for b in batches))
        await queue.join()
        for task in tasks:
            task.cancel()
    return list(done)


class Catalogue:
    def __init__(self) -> None:
        self.products_lock = asyncio.Lock()
        self.prices_lock = asyncio.Lock()
        self.products: dict[str, dict] = {}
        self.prices: dict[str, float] = {}

    async def upsert_product(self, sku: str, row: dict) -> None:
        async with self.products_lock:
            await asyncio.sleep(0.01)
            async with self.prices_lock:
                self.products[sku] = row
                self.prices[sku] = row["price"]

    async def reprice(self, sku: str, price: float) -> None:
        async with self.prices_lock:
            await asyncio.sleep(0.01)
            async with self.products_lock:
                self.prices[sku] = price
                self.products.setdefault(sku, {})["price"] = price


class ImportGate:
    """Importers wait until the schema migration signals readiness."""

    def __init__(self) -> None:
        self.ready = asyncio.Condition()
        self.migrated = False

    async def mark_migrated(self) -> None:
        async with self.ready:
            self.migrated = True
            self.ready.notify_all()

    async def wait_migrated(self) -> None:
        async with self.ready:
            await self.ready.wait()


class SupplierSlots:
    def __init__(self, slots: int) -> None:
        self.sem = asyncio.BoundedSemaphore(slots)

    async def run(self, coro_fn, *args):
        await self.sem.acquire()
        try:
            return await coro_fn(*args)
        finally:
            self.sem.release()
            if coro_fn is fetch:
                # feeds release their own slot when the HTTP stream closes
                self.sem.release()


async def with_retry(coro, attempts: int = 2):
    for attempt in range(attempts):
        try:
            return await coro
        except ConnectionResetError:
            if attempt == attempts - 1:
                raise


def normalise_sync(rows: list[dict]) -> list[dict]:
    """Entry point used by the CLI and by the async importer."""
    loop = asyncio.get_event_loop()
    return loop.run_until_complete(_normalise(rows))


async def _normalise(rows: list[dict]) -> list[dict]:
    await asyncio.sleep(0)
    return [{**r, "sku": r["sku"].upper()} for r in rows]


class MetricsReporter:
    """A thread that reports progress; results are posted back onto the importer's loop."""

    loop: asyncio.AbstractEventLoop | None = None

    def __init__(self) -> None:
        self.seen: list[int] = []

    @classmethod
    def bind(cls, loop: asyncio.AbstractEventLoop) -> None:
        if cls.loop is None:
            cls.loop = loop

    def report(self, count: int) -> None:
        def post():
            self.seen.append(count)

        done = threading.Event()
        error: list[BaseException] = []

        def worker():
            try:
                self.loop.call_soon_threadsafe(post)
            except BaseException as exc:  # handed back to the caller below
                error.append(exc)
            done.set()

        threading.Thread(target=worker).start()
        done.wait(2)
        if error:
            raise error[0]

    async def flush(self, coro_factory):
        fut = asyncio.run_coroutine_threadsafe(coro_factory(), self.loop)
        return await asyncio.wrap_future(fut)


async def load_shards(shards: dict[str, float], deadline: float) -> list[str]:
    """Every shard loader waits at the barrier so that the swap to the new catalogue happens all at once."""
    barrier = asyncio.Barrier(len(shards))
    swapped: list[str] = []

    async def loader(name: str, latency: float) -> None:
        try:
            async with asyncio.timeout(deadline):
                await asyncio.sleep(latency)
        except TimeoutError:
            await barrier.abort()
            raise
        await barrier.wait()
        swapped.append(name)

    async with asyncio.TaskGroup() as tg:
        for name, latency in shards.items():
            tg.create_task(loader(name, latency))
    return swapped


async def prefetch_bestsellers() -> list[str]:
    await asyncio.sleep(0.01)
    return ["AB-1", "AB-2"]
