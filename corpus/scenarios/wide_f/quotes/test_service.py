import asyncio
import threading

import grpc
import pytest

from . import service


@pytest.fixture(scope="module")
def servicer():
    servicer = service.QuoteServicer()
    loop = asyncio.new_event_loop()

    async def start():
        server = service.build_server(servicer)
        await server.start()
        return server

    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    server = asyncio.run_coroutine_threadsafe(start(), loop).result(5)
    yield servicer
    asyncio.run_coroutine_threadsafe(server.stop(None), loop).result(5)
    loop.call_soon_threadsafe(loop.stop)
    thread.join(5)


@pytest.fixture
async def ch(servicer):
    async with grpc.aio.insecure_channel(service.ADDRESS) as ch:
        yield ch


async def test_standard_quote(servicer):
    assert (await service.quote("standard", 1))["price"] == 4.95


@pytest.mark.failure(category="5", library="grpcio", dist="grpcio", shape="raised", cause="aio-channel-reused-after-loop-closed")
async def test_express_quote(servicer):
    assert (await service.quote("express", 1))["price"] == 9.95


@pytest.mark.failure(category="5", library="grpcio", dist="grpcio", shape="raised", cause="server-lock-held-by-reload-deadline-exceeded")
async def test_quote_during_rate_card_reload(ch):
    reload = asyncio.create_task(service.reload_rate_card(ch))
    await asyncio.sleep(0.05)
    quote = await service.quote("standard", 2, ch, deadline=0.2)
    await reload
    assert quote["price"] == 5.45


@pytest.mark.failure(category="5", library="grpcio", dist="grpcio", shape="async", cause="wait-for-cancels-inflight-rpcs-gather")
async def test_checkout_quotes_all_services(ch, servicer):
    servicer.reload_seconds = 0.3
    reload = asyncio.create_task(service.reload_rate_card(ch))
    await asyncio.sleep(0.05)
    quotes = await asyncio.wait_for(
        asyncio.gather(service.quote("standard", 1, ch), service.quote("express", 1, ch)), timeout=0.15
    )
    await reload
    assert [q["price"] for q in quotes] == [4.95, 9.95]


@pytest.mark.failure(category="other", library="grpcio", dist="grpcio", shape="raised", cause="unknown-service-level-keyerror-unknown-status")
async def test_same_day_quote(ch):
    assert (await service.quote("same_day", 1, ch))["price"] == 14.95
