"""User presence and typing indicators kept in Redis; each web worker shares one small connection pool."""

from __future__ import annotations

import redis
import redis.asyncio as aioredis

from ..conftest import REDIS_URL

pool = redis.ConnectionPool.from_url(REDIS_URL, max_connections=2)
blocking_pool = redis.BlockingConnectionPool.from_url(REDIS_URL, max_connections=2, timeout=0.5)


def client() -> redis.Redis:
    return redis.Redis(connection_pool=pool)


def mark_online(user: str) -> None:
    client().set(f"presence:{user}", "online", ex=60)


def is_online(user: str) -> bool:
    return client().get(f"presence:{user}") == b"online"


def watch_room(room: str):
    sub = client().pubsub()
    sub.subscribe(f"room:{room}")
    return sub


def typing(room: str, user: str) -> int:
    return redis.Redis(connection_pool=blocking_pool).publish(f"typing:{room}", user)


def open_typing_feed(room: str):
    sub = redis.Redis(connection_pool=blocking_pool).pubsub()
    sub.subscribe(f"typing:{room}")
    return sub


async def last_seen(user: str, apool: aioredis.BlockingConnectionPool) -> bytes | None:
    r = aioredis.Redis(connection_pool=apool)
    return await r.get(f"seen:{user}")
