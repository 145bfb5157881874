import asyncio

import aiohttp
import pytest
import pytest_asyncio
from aiohttp.test_utils import TestClient, TestServer

from .app import Outbox, make_app

PORT = 47906


@pytest.fixture
async def client():
    async with TestClient(TestServer(make_app(), port=PORT)) as client:
        await client.app["warmup"]
        yield client


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def preferences_api():
    server = TestServer(make_app(), port=PORT + 1)
    await server.start_server()
    async with aiohttp.ClientSession(str(server.make_url("/"))) as session:
        yield session
    await server.close()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def outbox_module():
    outbox = Outbox(lambda message: None)
    worker = asyncio.create_task(outbox.worker())
    yield outbox
    worker.cancel()


async def test_render_order_shipped(client):
    resp = await client.get("/render/order_shipped", params={"order": "SO-77"})
    assert (await resp.json())["text"] == "Your order SO-77 has shipped"


@pytest.mark.failure(category="5", library="aiohttp", dist="aiohttp", shape="assert", cause="request-before-startup-task-finished")
async def test_render_right_after_deploy():
    async with TestClient(TestServer(make_app(warmup_seconds=0.1), port=PORT + 2)) as client:
        resp = await client.get("/render/password_reset", params={"link": "https://example.test/r/1"})
        status = resp.status
        assert status == 200


@pytest.mark.failure(category="5", library="aiohttp", dist="aiohttp", shape="async", cause="module-loop-session-used-in-function-loop-timeout-cm")
async def test_sms_only_preference(preferences_api):
    async with preferences_api.put("/users/u-81/preferences", json={"channels": ["sms"]}) as resp:
        assert (await resp.json())["channels"] == ["sms"]


@pytest.mark.failure(category="other", library="aiohttp", dist="aiohttp", shape="assert", cause="preferences-validation-422")
async def test_whatsapp_preference(client):
    resp = await client.put("/users/u-82/preferences", json={"channels": ["email", "whatsapp"]})
    status = resp.status
    assert status == 200


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="async", cause="event-set-then-cleared-missed-wakeup")
async def test_flush_waiter_is_woken():
    outbox = Outbox(lambda message: None)
    worker = asyncio.create_task(outbox.worker())
    for n in range(3):
        outbox.queue.put_nowait(f"msg-{n}")
    flusher = asyncio.create_task(outbox.drain_and_signal())
    await asyncio.sleep(0.05)
    await asyncio.wait_for(outbox.flushed.wait(), timeout=0.3)
    worker.cancel()
    await flusher


@pytest.mark.failure(category="5", library="pytest-timeout", dist="pytest-timeout", shape="timeout", cause="queue-join-waits-forever-task-done-skipped")
@pytest.mark.timeout(1)
async def test_outbox_drains_after_smtp_error():
    def smtp_send(message):
        if message == "msg-1":
            raise OSError("421 4.7.0 Try again later")

    outbox = Outbox(smtp_send)
    worker = asyncio.create_task(outbox.worker())
    for n in range(3):
        outbox.queue.put_nowait(f"msg-{n}")
    await outbox.queue.join()
    worker.cancel()
    assert outbox.sent == ["msg-0", "msg-2"]


@pytest.mark.failure(category="5", library="concurrent.futures", dist=None, shape="raised", cause="executor-shut-down-before-worker-finished")
async def test_outbox_sends_after_shutdown_requested():
    outbox = Outbox(lambda message: None)
    worker = asyncio.create_task(outbox.worker())
    outbox.queue.put_nowait("msg-0")
    outbox.shutdown()
    outbox.queue.put_nowait("msg-1")
    await asyncio.sleep(0.05)
    worker.cancel()
    with pytest.raises(asyncio.CancelledError):
        await worker
    assert outbox.sent == ["msg-0", "msg-1"]


@pytest.mark.failure(category="5", library="pytest-asyncio", dist="pytest-asyncio", shape="async", cause="worker-task-on-idle-module-loop")
async def test_shared_outbox_sends_welcome_mail(outbox_module):
    outbox_module.queue.put_nowait("welcome u-90")
    await asyncio.wait_for(outbox_module.queue.join(), 0.5)
    assert outbox_module.sent == ["welcome u-90"]
