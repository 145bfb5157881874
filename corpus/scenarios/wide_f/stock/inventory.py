"""Stock levels and reservations kept in Redis (redis.asyncio).

The storefront workers share one connection pool per process (``redis`` below); a reservation either decrements
the counter atomically, or, for bundles, reads the counts under a Redis lock and writes them back.
"""

from __future__ import annotations

import asyncio

from redis import asyncio as aioredis
from redis.exceptions import WatchError

from ..conftest import REDIS_HOST, REDIS_PORT

redis = aioredis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=3, decode_responses=True)


class OutOfStock(Exception):
    pass


class ReservationConflict(Exception):
    pass


async def stock_level(sku: str, client: aioredis.Redis | None = None) -> int:
    return int(await (client or redis).get(f"stock:{sku}") or 0)


async def restock(sku: str, qty: int, client: aioredis.Redis | None = None) -> int:
    return await (client or redis).incrby(f"stock:{sku}", qty)


async def reserve(sku: str, qty: int, client: aioredis.Redis | None = None) -> int:
    client = client or redis
    left = await client.decrby(f"stock:{sku}", qty)
    if left < 0:
        await client.incrby(f"stock:{sku}", qty)
        raise OutOfStock(sku)
    return left


async def reserve_counted(client: aioredis.Redis, sku: str, qty: int, pick_delay: float = 0.0) -> int:
    """Bundle path: read the level, let the picker confirm, write the new level back."""
    current = int(await client.get(f"stock:{sku}") or 0)
    if current < qty:
        raise OutOfStock(sku)
    await asyncio.sleep(pick_delay)
    await client.set(f"stock:{sku}", current - qty)
    return current - qty


async def reserve_locked(client: aioredis.Redis, sku: str, qty: int, pick_delay: float = 0.0, wait: float = 0.3) -> int:
    async with client.lock(f"lock:stock:{sku}", timeout=5, blocking_timeout=wait):
        return await reserve_counted(client, sku, qty, pick_delay)


async def reserve_optimistic(client: aioredis.Redis, sku: str, qty: int, before_commit=None) -> int:
    async with client.pipeline(transaction=True) as pipe:
        try:
            await pipe.watch(f"stock:{sku}")
            current = int(await pipe.get(f"stock:{sku}") or 0)
            if before_commit is not None:
                await before_commit()
            pipe.multi()
            pipe.set(f"stock:{sku}", current - qty)
            await pipe.execute()
        except WatchError as exc:
            raise ReservationConflict(f"stock of {sku} changed while reserving {qty}") from exc
    return current - qty


async def bulk_levels(client: aioredis.Redis, skus: list[str]) -> dict[str, int]:
    values = await client.mget([f"stock:{s}" for s in skus])
    return {sku: int(v) for sku, v in zip(skus, values)}


async def move_to_bin(client: aioredis.Redis, sku: str, bin_code: str) -> None:
    await client.sadd(f"bin:{bin_code}", sku)
    await client.lpush(f"stock:{sku}", bin_code)
