"""Merges supplier price feeds into one stream (aiostream)."""

from __future__ import annotations

import asyncio

from aiostream import pipe, stream

FEEDS = {
    "north": [("KB-01", 49.0), ("MS-02", 19.0)],
    "south": [("KB-01", 47.5), ("HD-03", 88.0)],
}
FEED_DELAY = {"north": 0.02, "south": 0.01}
SEEN: list[str] = []


async def feed(name: str):
    for sku, price in FEEDS[name]:
        await asyncio.sleep(FEED_DELAY[name])
        yield {"feed": name, "sku": sku, "price": price}


def merged():
    return stream.merge(*(feed(n) for n in FEEDS))


async def best_prices() -> dict[str, float]:
    best: dict[str, float] = {}
    async with merged().stream() as quotes:
        async for q in quotes:
            best[q["sku"]] = min(best.get(q["sku"], q["price"]), q["price"])
    return best


async def enrich(quote: dict) -> dict:
    await asyncio.sleep(0.05 if quote["sku"] == "KB-01" else 0.0)
    SEEN.append(quote["sku"])
    return {**quote, "vat": round(quote["price"] * 0.2, 2)}


async def enriched(name: str, workers: int = 3) -> list[dict]:
    return await (stream.iterate(feed(name)) | pipe.map(enrich, task_limit=workers, ordered=False) | pipe.list())


async def first_quote(name: str, within: float) -> dict:
    return await (stream.iterate(feed(name)) | pipe.timeout(within) | pipe.take(1) | pipe.list())


async def last_quote(name: str) -> dict:
    return await stream.iterate(feed(name))
