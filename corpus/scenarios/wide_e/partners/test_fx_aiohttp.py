import asyncio

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from .carriers import FxRates


def fake_fx_app() -> web.Application:
    """Stand-in for the FX service, written against its 2022 API."""

    async def rate(request):
        return web.json_response({"pair": request.match_info["pair"], "value": 1.0842})

    async def convert(request):
        body = await request.json()
        return web.Response(text=str(round(body["amount"] * 1.0842)), content_type="text/plain")

    @web.middleware
    async def recorded_date(request, handler):
        try:
            response = await handler(request)
        except web.HTTPException as exc:
            exc.headers["Date"] = "Tue, 01 Mar 2022 10:00:00 GMT"  # as in the recorded sandbox replies
            raise
        response.headers["Date"] = "Tue, 01 Mar 2022 10:00:00 GMT"
        return response

    app = web.Application(middlewares=[recorded_date])
    app.router.add_get("/v1/rates/{pair}", rate)
    app.router.add_post("/v1/convert", convert)
    return app


@pytest.fixture
async def fx():
    server = TestServer(fake_fx_app(), host="127.0.0.1", port=18941)
    await server.start_server()
    yield FxRates(str(server.make_url("")))
    await server.close()


@pytest.mark.failure(category="6", library="aiohttp", shape="async", cause="fake-server-old-field-name")
async def test_eur_usd_rate(fx):
    assert await fx.rate("EURUSD") == pytest.approx(1.0842)


@pytest.mark.failure(category="6", library="aiohttp", shape="async", cause="fake-server-wrong-content-type")
async def test_convert_invoice_amount(fx):
    assert await fx.convert(10_000, "EURUSD") == 10842


@pytest.fixture
async def fx_without_history():
    server = TestServer(fake_fx_app(), host="127.0.0.1", port=18941)
    await server.start_server()
    yield str(server.make_url(""))
    await server.close()


@pytest.mark.failure(category="6", library="aiohttp", shape="async", cause="fake-server-missing-route")
async def test_rate_history(fx_without_history):
    async with aiohttp.ClientSession() as s:
        async with s.get(f"{fx_without_history}/v1/rates/EURUSD/history?days=7") as r:
            r.raise_for_status()
            assert len((await r.json())["points"]) == 7


def fake_fx_app_with_stream(released: asyncio.Event) -> web.Application:
    app = fake_fx_app()

    async def rate_stream(request):
        # long-poll: holds the connection until a rate changes
        resp = web.StreamResponse()
        await resp.prepare(request)
        await released.wait()
        return resp

    app.router.add_get("/v1/rates/{pair}/updates", rate_stream)
    return app


@pytest.fixture
async def fx_stream():
    released = asyncio.Event()
    server = TestServer(fake_fx_app_with_stream(released), host="127.0.0.1", port=18942)
    await server.start_server()
    yield str(server.make_url(""))
    released.set()
    await server.close()


@pytest.mark.timeout(2)
@pytest.mark.failure(category="6", library="aiohttp", shape="timeout", cause="fake-server-never-answers-long-poll")
async def test_no_rate_update_since_morning(fx_stream):
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=None)) as s:  # long-poll: no total timeout
        async with s.get(f"{fx_stream}/v1/rates/EURUSD/updates?since=2022-03-01T08:00:00Z") as r:
            body = await r.read()
            assert (r.status, body) == (204, b"")
