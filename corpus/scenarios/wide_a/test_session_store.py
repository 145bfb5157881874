"""Web sessions and rate counters in Redis through the valkey client (the project's Redis fork client)."""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import valkey
import valkey.asyncio

from wide_a.conftest import REDIS_URL

known_failure = lambda shape, cause: pytest.mark.failure(category="3", library="valkey", shape=shape, cause=cause)  # noqa: E731


@pytest.fixture
def session_pool():
    pool = valkey.ConnectionPool.from_url(REDIS_URL, max_connections=2)
    yield pool
    pool.disconnect()


def test_session_roundtrip(session_pool):
    r = valkey.Valkey(connection_pool=session_pool)
    r.set("session:abc", "user-1", ex=30)
    assert r.get("session:abc") == b"user-1"


@known_failure("raised", "too-many-connections")
def test_session_subscribers_per_tab(session_pool):
    r = valkey.Valkey(connection_pool=session_pool)
    tabs = []
    for tab in range(3):
        ps = r.pubsub()
        ps.subscribe(f"session:abc:tab{tab}")  # each pubsub pins one pooled connection
        tabs.append(ps)
    for ps in tabs:
        ps.close()


@known_failure("raised", "blocking-pool-timeout")
def test_checkout_locks_from_worker_threads():
    pool = valkey.BlockingConnectionPool.from_url(REDIS_URL, max_connections=2, timeout=0.2)
    r = valkey.Valkey(connection_pool=pool)

    def wait_for_cart(n):
        return r.blpop([f"cart:{n}:ready"], timeout=1)

    try:
        with ThreadPoolExecutor(max_workers=3) as ex:
            assert list(ex.map(wait_for_cart, range(3))) == [None, None, None]
    finally:
        pool.disconnect()


@known_failure("raised", "max-clients-reached")
def test_one_client_per_worker_process():
    clients = []
    try:
        for n in range(8):
            c = valkey.Valkey.from_url(REDIS_URL, client_name=f"worker-{n}")
            c.ping()
            clients.append(c)
    finally:
        for c in clients:
            c.close()


@known_failure("async", "too-many-connections")
@pytest.mark.asyncio
async def test_rate_counters_under_burst():
    pool = valkey.asyncio.ConnectionPool.from_url(REDIS_URL, max_connections=3)
    r = valkey.asyncio.Valkey(connection_pool=pool)

    async def hit(n):
        return await r.blpop([f"ratelimit:{n}"], timeout=0.3)

    try:
        await asyncio.gather(*(hit(n) for n in range(5)))
    finally:
        await pool.disconnect()


@known_failure("timeout", "blocking-pool-wait")
@pytest.mark.timeout(1.5)
def test_cart_lock_without_pool_timeout():
    pool = valkey.BlockingConnectionPool.from_url(REDIS_URL, max_connections=1, timeout=None)
    r = valkey.Valkey(connection_pool=pool)
    held = pool.get_connection("BLPOP")  # the cart lock keeps a dedicated connection
    try:
        time.sleep(0.01)
        r.set("cart:1:lock", "1")
    finally:
        pool.release(held)
        pool.disconnect()
