import pytest
import redis.asyncio as aioredis

from ..conftest import REDIS_URL
from .store import is_online, last_seen, mark_online, open_typing_feed, typing, watch_room

_subs = []


@pytest.fixture(scope="module", autouse=True)
def close_feeds():
    yield
    for sub in _subs:
        sub.close()


def test_user_goes_online():
    mark_online("ana")
    assert is_online("ana")


def test_room_watch_receives_subscription():
    sub = watch_room("general")
    _subs.append(sub)
    assert sub.get_message(timeout=1)["type"] == "subscribe"


def test_second_room_watch():
    sub = watch_room("random")
    _subs.append(sub)
    assert sub.get_message(timeout=1)["channel"] == b"room:random"


@pytest.mark.failure(category="3", library="redis", shape="raised", cause="pubsub-holds-pooled-connections-max-connections")
def test_unknown_user_is_offline():
    assert not is_online("zed")


@pytest.mark.failure(category="3", library="redis", shape="raised", cause="pubsub-holds-pooled-connections-max-connections")
def test_user_can_go_online_again():
    mark_online("bo")
    assert is_online("bo")


def test_typing_feed_for_support_room():
    sub = open_typing_feed("support")
    _subs.append(sub)
    assert typing("support", "ana") == 1


@pytest.mark.failure(category="3", library="redis", shape="raised", cause="blocking-pool-no-connection-available")
def test_typing_feed_for_sales_room():
    sub = open_typing_feed("sales")
    _subs.append(sub)
    assert typing("sales", "bo") == 1


@pytest.fixture
async def apool():
    pool = aioredis.BlockingConnectionPool.from_url(REDIS_URL, max_connections=1, timeout=0.5)
    holder = aioredis.Redis(connection_pool=pool).pubsub()
    await holder.subscribe("presence:events")
    yield pool
    await holder.aclose()
    await pool.aclose()


@pytest.mark.failure(category="3", library="redis", shape="async", cause="blocking-pool-no-connection-available")
async def test_last_seen_for_new_user(apool):
    assert await last_seen("cy", apool) is None
