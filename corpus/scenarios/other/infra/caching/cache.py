"""Product page cache (Redis), rendered fragments (memcached) and the task queue (kombu)."""

from __future__ import annotations

import json

import redis
import redis.asyncio as aioredis
from kombu import Connection, Exchange, Queue
from pymemcache.client.base import Client as MemcacheClient

PRODUCT_TTL = 300


class CacheError(RuntimeError):
    pass


class ProductCache:
    def __init__(self, url: str) -> None:
        self.client = redis.Redis.from_url(url, socket_connect_timeout=1)

    def get_product(self, sku: str) -> dict | None:
        raw = self.client.get(f"product:{sku}")
        return json.loads(raw) if raw else None

    def put_product(self, sku: str, product: dict) -> None:
        self.client.set(f"product:{sku}", json.dumps(product), ex=PRODUCT_TTL)

    def invalidate_category(self, category: str) -> int:
        try:
            keys = list(self.client.scan_iter(match=f"product:{category}-*"))
            return self.client.delete(*keys) if keys else 0
        except redis.exceptions.ConnectionError as exc:
            raise CacheError(f"could not invalidate category {category!r}") from exc


async def popular_products(url: str, limit: int = 5) -> list[str]:
    client = aioredis.from_url(url, socket_connect_timeout=1, decode_responses=True)
    try:
        return await client.zrevrange("popular", 0, limit - 1)
    finally:
        await client.aclose()


def fragment_client(address: tuple[str, int]) -> MemcacheClient:
    return MemcacheClient(address, connect_timeout=1, timeout=1)


def cached_fragment(address: tuple[str, int], key: str, render) -> bytes:
    client = fragment_client(address)
    html = client.get(key)
    if html is None:
        html = render()
        client.set(key, html, expire=60)
    return html


task_exchange = Exchange("tasks", type="direct")
thumbnail_queue = Queue("thumbnails", task_exchange, routing_key="thumbnails")


def enqueue_thumbnail(broker_url: str, image_id: int) -> None:
    with Connection(broker_url, connect_timeout=1) as conn:
        producer = conn.Producer(serializer="json")
        producer.publish(
            {"image_id": image_id}, exchange=task_exchange, routing_key="thumbnails",
            declare=[thumbnail_queue], retry=True, retry_policy={"max_retries": 1, "interval_start": 0},
        )


def broker_ready(broker_url: str) -> None:
    conn = Connection(broker_url, connect_timeout=1)
    conn.ensure_connection(max_retries=1, interval_start=0, interval_step=0)
    conn.release()


def cache_status(url: str) -> dict[str, object]:
    try:
        pong = redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.exceptions.RedisError as exc:
        return {"cache": "unavailable", "error": type(exc).__name__}
    return {"cache": "ok" if pong else "degraded"}
