from __future__ import annotations

import uuid

import pytest
import redis
import redis.asyncio as aioredis

from .store import CartStore, Leaderboard, bump_page_views


@pytest.fixture
def r(redis_url):
    client = redis.Redis.from_url(redis_url)
    prefix = f"t{uuid.uuid4().hex[:8]}"
    yield client, prefix
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)
    client.close()


@pytest.mark.failure(category="other", library="redis", shape="raised", cause="redis-value-type-mismatch")
def test_add_item_to_cart_migrated_from_v1(r):
    client, prefix = r
    carts = CartStore(client, prefix)
    carts.save_legacy(7, {"SKU-1": 1})
    carts.add_item(7, "SKU-2")
    assert carts.items(7) == {"SKU-1": 1, "SKU-2": 1}


@pytest.mark.failure(category="other", library="redis", shape="raised", cause="redis-value-type-mismatch")
def test_leaderboard_top_three(r):
    client, prefix = r
    board = Leaderboard(client, prefix)
    for player, pts in [("ana", 30), ("bo", 50), ("cy", 10)]:
        board.record_score(player, pts)
    assert board.top(3) == ["bo", "ana", "cy"]


@pytest.mark.failure(category="other", library="redis", shape="raised", cause="redis-value-type-mismatch")
def test_page_view_counter_after_import(r):
    client, prefix = r
    key = f"{prefix}:views:/pricing"
    client.set(key, "1,204")  # imported from the analytics CSV with a thousands separator
    assert bump_page_views(client, key) == 1205


@pytest.mark.failure(category="other", library="redis", shape="raised", cause="redis-value-type-mismatch")
def test_store_user_profile_hash(r):
    client, prefix = r
    profile = {"name": "Ada", "roles": ["admin", "billing"]}
    client.hset(f"{prefix}:user:1", mapping=profile)
    assert client.hget(f"{prefix}:user:1", "name") == b"Ada"


@pytest.mark.asyncio
@pytest.mark.failure(category="other", library="redis", shape="async", cause="redis-value-type-mismatch")
async def test_async_notification_queue(redis_url):
    client = aioredis.Redis.from_url(redis_url)
    key = f"t{uuid.uuid4().hex[:8]}:notifications:42"
    try:
        await client.sadd(key, "welcome")
        await client.rpush(key, "invoice-ready")
        assert await client.llen(key) == 2
    finally:
        await client.delete(key)
        await client.aclose()


@pytest.fixture
def session_keys(redis_url):
    client = redis.Redis.from_url(redis_url)
    created: list[str] = []
    yield client, created
    # purge everything the test created
    client.delete(*created)
    client.close()


@pytest.mark.failure(category="other", library="redis", shape="teardown", cause="redis-command-misuse")
def test_anonymous_visit_creates_no_session(session_keys):
    client, created = session_keys
    assert client.exists("session:anonymous") == 0


@pytest.mark.failure(category="other", library="redis", shape="raised", cause="redis-command-misuse")
def test_session_ttl_in_milliseconds(r):
    client, prefix = r
    client.set(f"{prefix}:session:1", "data", ex=0.5)
    assert client.pttl(f"{prefix}:session:1") <= 500


@pytest.mark.failure(category="other", library="redis", shape="raised", cause="redis-command-misuse")
def test_expire_all_sessions_at_once(r):
    client, prefix = r
    client.set(f"{prefix}:session:1", "a")
    client.execute_command("EXPIRE", f"{prefix}:session:1", f"{prefix}:session:2", 60)


@pytest.mark.failure(category="other", library="redis", shape="raised", cause="redis-command-misuse")
def test_latest_events_window(r):
    client, prefix = r
    client.rpush(f"{prefix}:events", *range(10))
    assert client.lrange(f"{prefix}:events", "-3", "end") == [b"7", b"8", b"9"]
