"""Depot status API tests: the HTTP session is shared across the module to save connection setup."""

import aiohttp
import pytest
import pytest_asyncio
from aiohttp import web


async def depot_status(request: web.Request) -> web.Response:
    return web.json_response({"depot": request.match_info["depot"], "open": True})


@pytest.fixture
def status_app():
    app = web.Application()
    app.router.add_get("/depots/{depot}/status", depot_status)
    return app


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def shared_session():
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=2)) as session:
        yield session


async def test_depot_open(aiohttp_client, status_app):
    client = await aiohttp_client(status_app)
    resp = await client.get("/depots/leeds/status")
    assert (await resp.json())["open"] is True


@pytest.mark.failure(category="5", library="pytest-aiohttp", dist="pytest-aiohttp", shape="async", cause="session-bound-to-other-fixture-loop")
async def test_depot_status_via_shared_session(aiohttp_server, status_app, shared_session):
    server = await aiohttp_server(status_app)
    async with shared_session.get(server.make_url("/depots/york/status")) as resp:
        assert (await resp.json())["depot"] == "york"


@pytest.mark.failure(category="5", library="pytest-aiohttp", dist="pytest-aiohttp", shape="async", cause="session-bound-to-other-fixture-loop")
async def test_two_depots_via_shared_session(aiohttp_server, status_app, shared_session):
    server = await aiohttp_server(status_app)
    for depot in ("hull", "leeds"):
        async with shared_session.get(server.make_url(f"/depots/{depot}/status")) as resp:
            assert resp.status == 200
