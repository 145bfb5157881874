from __future__ import annotations

import json

import psycopg
import pytest
import pytest_asyncio
import redis
import redis.asyncio as aioredis

from db_cache.conftest import APP_DSN, REDIS_URL

rc_failure = lambda shape, cause: pytest.mark.failure(  # noqa: E731
    category="4", library="redis", dist="redis", shape=shape, cause=cause
)


@pytest.fixture(scope="module")
def r():
    client = redis.Redis.from_url(REDIS_URL, decode_responses=True)
    for key in client.scan_iter("dbc:*"):  # clean once per module, not per test
        client.delete(key)
    yield client
    client.close()


class ProfileCache:
    def __init__(self, client, dsn):
        self.r, self.dsn = client, dsn

    def display_name(self, user_id: int) -> str:
        key = f"dbc:profile:{user_id}:name"
        cached = self.r.get(key)
        if cached is not None:
            return cached
        with psycopg.connect(self.dsn) as conn:
            name = conn.execute("SELECT name FROM users WHERE id = %s", (user_id,)).fetchone()[0]
        self.r.set(key, name)
        return name

    def rename(self, user_id: int, name: str) -> None:
        with psycopg.connect(self.dsn) as conn:
            conn.execute("UPDATE users SET name = %s WHERE id = %s", (name, user_id))
        # missing: self.r.delete(f"dbc:profile:{user_id}:name")


def test_profile_name_cached(r):
    assert ProfileCache(r, APP_DSN).display_name(2) == "Bob"


@rc_failure("assert", "redis-cache-not-invalidated")
def test_profile_rename_visible(r):
    profiles = ProfileCache(r, APP_DSN)
    profiles.rename(2, "Robert")
    assert profiles.display_name(2) == "Robert"


def test_homepage_view_counted(r):
    assert r.incr("dbc:views:home") == 1


@rc_failure("assert", "redis-stale-keys")
def test_homepage_views_start_at_zero(r):
    r.incr("dbc:views:home")
    assert int(r.get("dbc:views:home")) == 1


def test_session_stored(r):
    r.set("dbc:session:abc", "alice")


@rc_failure("assert", "redis-key-without-ttl")
def test_session_expires(r):
    assert r.ttl("dbc:session:abc") > 0


def test_user_joins_room(r):
    r.sadd("dbc:room:lobby", "u1", "u2")


@rc_failure("assert", "redis-stale-keys")
def test_user_leaves_room(r):
    r.sadd("dbc:room:lobby", "u3")
    assert r.smembers("dbc:room:lobby") == {"u3"}


def test_cache_product_v1(r):
    r.set("dbc:product:42", json.dumps({"sku": "42", "price": 10}))


@rc_failure("raised", "redis-stale-schema")
def test_product_price_with_currency(r):
    cached = r.get("dbc:product:42")
    product = json.loads(cached) if cached else {"sku": "42", "price": 10, "currency": "USD"}
    assert f"{product['price']} {product['currency']}" == "10 USD"


class CacheCorrupted(Exception):
    pass


def load_cart(client, user_id):
    raw = client.get(f"dbc:cart:{user_id}")
    try:
        return json.loads(raw) if raw else []
    except json.JSONDecodeError as exc:
        raise CacheCorrupted(f"cart cache for user {user_id} is not JSON") from exc


def test_legacy_cart_format(r):
    r.set("dbc:cart:7", "sku-1|sku-2")


@rc_failure("chained", "redis-stale-keys")
def test_cart_loads_items(r):
    assert load_cart(r, 7) == []


@pytest.fixture
def empty_redis(r):
    leftovers = sorted(r.scan_iter("dbc:*"))
    assert not leftovers, f"redis not clean, {len(leftovers)} keys left: {leftovers[:5]}"
    yield r


@rc_failure("setup", "redis-stale-keys")
def test_rate_card_populated(empty_redis):
    empty_redis.hset("dbc:ratecard", mapping={"EUR": "1.08"})


def test_feature_flags_hash(r):
    r.hset("dbc:flags", mapping={"new_checkout": "1", "dark_mode": "1"})


@rc_failure("assert", "redis-stale-keys")
def test_flags_for_new_tenant(r):
    r.hset("dbc:flags", mapping={"dark_mode": "1"})
    assert r.hgetall("dbc:flags") == {"dark_mode": "1"}


@pytest_asyncio.fixture
async def ar():
    client = aioredis.Redis.from_url(REDIS_URL, decode_responses=True)
    yield client
    await client.aclose()


@pytest.mark.asyncio
async def test_leaderboard_scores(ar):
    await ar.zadd("dbc:leaderboard", {"alice": 30, "bob": 10})


@rc_failure("async", "redis-stale-keys")
@pytest.mark.asyncio
async def test_leaderboard_top_player(ar):
    await ar.zadd("dbc:leaderboard", {"carol": 20})
    top = await ar.zrevrange("dbc:leaderboard", 0, 0)
    assert top == ["carol"]


@rc_failure("async", "redis-cache-not-invalidated")
@pytest.mark.asyncio
async def test_async_price_update_visible(ar):
    await ar.set("dbc:price:sku-9", "19.99", nx=True)
    await ar.set("dbc:price:sku-9", "17.99", nx=True)  # "write-through" that never overwrites
    assert await ar.get("dbc:price:sku-9") == "17.99"
