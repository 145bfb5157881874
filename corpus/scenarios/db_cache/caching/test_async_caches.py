from __future__ import annotations

import asyncio

import pytest
from aiocache import Cache as AioCache
from aiocache import cached as aio_cached

aio_failure = lambda shape, cause: pytest.mark.failure(  # noqa: E731
    category="4", library="aiocache", dist="aiocache", shape=shape, cause=cause
)
pytestmark = pytest.mark.asyncio

BALANCES = {"acct-1": 100, "acct-2": 50}


@aio_cached(ttl=60)
async def fetch_balance(account: str) -> int:
    await asyncio.sleep(0)
    return BALANCES[account]


@aio_cached(ttl=60, key_builder=lambda f, *args, **kw: f.__name__)
async def fetch_tenant_plan(tenant: str) -> str:
    return {"acme": "pro", "globex": "free"}[tenant]


shared = AioCache(AioCache.MEMORY, namespace="sessions")


async def test_balance_lookup():
    assert await fetch_balance("acct-1") == 100


@aio_failure("async", "aiocache-stale-value")
async def test_balance_after_deposit(monkeypatch):
    monkeypatch.setitem(BALANCES, "acct-1", 150)
    assert await fetch_balance("acct-1") == 150


async def test_acme_plan():
    assert await fetch_tenant_plan("acme") == "pro"


@aio_failure("async", "aiocache-key-collision")
async def test_globex_plan():
    assert await fetch_tenant_plan("globex") == "free"


async def test_login_stores_session():
    await shared.set("user:1", {"roles": ["admin"]})


@aio_failure("async", "aiocache-stale-value")
async def test_guest_has_no_session():
    session = await shared.get("user:1")
    assert session is None


async def test_revoke_admin_in_response():
    session = await shared.get("user:1")
    session["roles"].remove("admin")  # edits the response copy... which is the cached object
    assert session == {"roles": []}


@aio_failure("async", "aiocache-mutated-cached-object")
async def test_admin_session_roles():
    assert await shared.get("user:1") == {"roles": ["admin"]}


cart_cache = AioCache(AioCache.MEMORY, namespace="cart")


async def test_cart_add():
    await cart_cache.add("cart:9", ["sku-1"])


@aio_failure("async", "aiocache-stale-value")
async def test_cart_add_for_returning_user():
    await cart_cache.add("cart:9", ["sku-2"])
