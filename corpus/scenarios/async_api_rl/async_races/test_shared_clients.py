"""Clients created once per session but driven from per-test event loops."""

import os

import aiohttp
import pytest
import pytest_asyncio
import redis.asyncio as aioredis
from pytest_httpserver import HTTPServer

REDIS_URL = os.environ.get("SCENARIO_REDIS_URL", "redis://127.0.0.1:6390/5")


@pytest.fixture(scope="session")
def catalog_api():
    httpserver = HTTPServer(threaded=True)  # keep-alive, like the real gateway
    httpserver.start()
    httpserver.expect_request("/v1/products/1").respond_with_json({"id": 1, "name": "Desk"})
    httpserver.expect_request("/v1/products/2").respond_with_json({"id": 2, "name": "Chair"})
    yield httpserver
    httpserver.clear()
    httpserver.stop()


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def catalog_session(catalog_api):
    async with aiohttp.ClientSession(base_url=catalog_api.url_for("/")) as session:
        yield session


@pytest.fixture(scope="session")
def session_cache():
    return aioredis.Redis.from_url(REDIS_URL, decode_responses=True)


@pytest.mark.failure(category="5", library="aiohttp", dist="aiohttp", shape="async", cause="session-fixture-loop-scope-mismatch")
@pytest.mark.asyncio
async def test_product_detail(catalog_session):
    async with catalog_session.get("/v1/products/1") as resp:
        assert (await resp.json())["name"] == "Desk"


@pytest.mark.failure(category="5", library="aiohttp", dist="aiohttp", shape="async", cause="session-reused-across-event-loops")
@pytest.mark.asyncio
async def test_product_detail_second_item(catalog_session):
    async with catalog_session.get("/v1/products/2") as resp:
        assert (await resp.json())["name"] == "Chair"


@pytest.mark.asyncio
async def test_session_is_stored(session_cache):
    await session_cache.set("session:abc", "user-1", ex=30)
    assert await session_cache.get("session:abc") == "user-1"


@pytest.mark.failure(category="5", library="redis", dist="redis", shape="async", cause="client-reused-across-event-loops")
@pytest.mark.asyncio
async def test_session_is_refreshed(session_cache):
    await session_cache.expire("session:abc", 60)
    assert await session_cache.ttl("session:abc") > 30
