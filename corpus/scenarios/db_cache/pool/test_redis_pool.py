from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
import pytest_asyncio
import redis
import redis.asyncio as aioredis

from db_cache.conftest import REDIS_SMALL_URL, REDIS_URL

redis_failure = lambda shape, cause: pytest.mark.failure(  # noqa: E731
    category="3", library="redis", dist="redis", shape=shape, cause=cause
)


class SessionStore:
    def __init__(self, pool: redis.ConnectionPool) -> None:
        self.pool = pool

    def subscribe_user(self, user_id: int):
        client = redis.Redis(connection_pool=self.pool)
        pubsub = client.pubsub()
        pubsub.subscribe(f"user:{user_id}:events")  # each pubsub pins a connection until closed
        return pubsub

    def touch(self, session_id: str) -> None:
        redis.Redis(connection_pool=self.pool).set(f"session:{session_id}", "1", ex=60)


@pytest.fixture
def small_pool():
    pool = redis.ConnectionPool.from_url(REDIS_URL, max_connections=2)
    yield pool
    pool.disconnect()


@redis_failure("raised", "redis-max-connections")
def test_notifications_for_many_users(small_pool):
    store = SessionStore(small_pool)
    subs = [store.subscribe_user(uid) for uid in (1, 2, 3)]
    for s in subs:
        s.close()


@redis_failure("raised", "redis-max-connections")
def test_session_touch_while_subscribed(small_pool):
    store = SessionStore(small_pool)
    subs = [store.subscribe_user(uid) for uid in (10, 11)]
    try:
        store.touch("abc123")
    finally:
        for s in subs:
            s.close()


@redis_failure("raised", "redis-blocking-pool-timeout")
def test_rate_snapshot_workers():
    pool = redis.BlockingConnectionPool.from_url(REDIS_URL, max_connections=2, timeout=0.2)
    client = redis.Redis(connection_pool=pool)
    barrier = threading.Barrier(3, timeout=2)

    def worker(i):
        barrier.wait()
        return client.blpop([f"jobs:{i}"], timeout=1)

    try:
        with ThreadPoolExecutor(max_workers=3) as ex:
            results = [f.result() for f in [ex.submit(worker, i) for i in range(3)]]
        assert results == [None, None, None]
    finally:
        pool.disconnect()


@redis_failure("raised", "redis-maxclients")
def test_each_worker_gets_own_client():
    clients = []
    try:
        for _ in range(6):
            c = redis.Redis.from_url(REDIS_SMALL_URL)
            c.ping()
            clients.append(c)
    finally:
        for c in clients:
            c.close()


@redis_failure("timeout", "redis-blocking-pool-wait")
@pytest.mark.timeout(1.5)
def test_cache_warmup_waits_for_connection():
    pool = redis.BlockingConnectionPool.from_url(REDIS_URL, max_connections=1, timeout=None)
    client = redis.Redis(connection_pool=pool)
    pinned = client.pubsub()
    pinned.subscribe("warmup")
    try:
        client.set("warmup:done", "1")
    finally:
        pinned.close()
        pool.disconnect()


@pytest.fixture
def pinned_clients():
    pool = redis.ConnectionPool.from_url(REDIS_URL, max_connections=1)
    monitor = redis.Redis(connection_pool=pool).pubsub()
    monitor.subscribe("audit")  # fixture starts an audit listener on the shared pool
    yield pool
    monitor.close()
    pool.disconnect()


@pytest.fixture
def session_client(pinned_clients):
    client = redis.Redis(connection_pool=pinned_clients)
    client.flushdb()
    yield client


@redis_failure("setup", "redis-max-connections")
def test_login_creates_session(session_client):
    session_client.set("session:1", "alice")
    assert session_client.get("session:1") == b"alice"


@redis_failure("async", "redis-max-connections")
@pytest.mark.asyncio
async def test_async_presence_updates():
    pool = aioredis.ConnectionPool.from_url(REDIS_URL, max_connections=2)
    client = aioredis.Redis(connection_pool=pool)
    try:
        async def presence(uid):
            await client.blpop([f"presence:{uid}"], timeout=0.3)

        await asyncio.gather(*(presence(u) for u in range(3)))
    finally:
        await pool.disconnect()


@redis_failure("async", "redis-blocking-pool-timeout")
@pytest.mark.asyncio
async def test_async_job_consumers():
    pool = aioredis.BlockingConnectionPool.from_url(REDIS_URL, max_connections=1, timeout=0.2)
    client = aioredis.Redis(connection_pool=pool)
    try:
        await asyncio.gather(client.blpop(["queue:a"], timeout=0.5), client.blpop(["queue:b"], timeout=0.5))
    finally:
        await pool.disconnect()


@redis_failure("async", "redis-maxclients")
@pytest.mark.asyncio
async def test_async_clients_per_channel():
    clients = []
    try:
        for ch in range(6):
            c = aioredis.Redis.from_url(REDIS_SMALL_URL)
            await c.ping()
            clients.append(c)
    finally:
        for c in clients:
            await c.aclose()
