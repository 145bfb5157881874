import asyncio

import pytest

from .clients import broker, get_exchange_rates_blocking, get_exchange_rates_sync, reporter


async def fetch_rates():
    await asyncio.sleep(0)
    return {"EURUSD": 1.08}


@pytest.mark.asyncio
async def test_worker_consumes_submitted_job():
    asyncio.get_running_loop().call_later(0.01, broker.queue.put_nowait, {"job": "email", "to": "ops@example.com"})
    job = await broker.next_job()
    assert job["job"] == "email"


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="async", cause="queue-bound-to-different-loop")
@pytest.mark.asyncio
async def test_worker_handles_second_job():
    asyncio.get_running_loop().call_later(0.01, broker.queue.put_nowait, {"job": "sms"})
    job = await broker.next_job()
    assert job["job"] == "sms"


@pytest.mark.failure(category="5", library="pytest-asyncio", dist="pytest-asyncio", shape="async", cause="session-fixture-loop-scope-mismatch")
@pytest.mark.asyncio
async def test_broker_fixture_delivers_jobs(shared_broker):
    asyncio.get_running_loop().call_later(0.01, shared_broker.queue.put_nowait, {"job": "resize"})
    job = await shared_broker.next_job()
    assert job == {"job": "resize"}


@pytest.mark.failure(category="5", library="pytest-asyncio", dist="pytest-asyncio", shape="async", cause="lock-bound-to-different-loop")
@pytest.mark.asyncio
async def test_exclusive_maintenance_window(shared_broker):
    async def holder():
        async with shared_broker.lock:
            await asyncio.sleep(0.01)

    async def contender():
        await asyncio.sleep(0.001)
        async with shared_broker.lock:
            return "ran"

    # first contended use from the session loop happens in the fixture's world
    results = await asyncio.gather(holder(), contender())
    assert results[1] == "ran"


@pytest.mark.asyncio(loop_scope="module")
async def test_metrics_flush_scheduled(started_reporter):
    started_reporter.record({"name": "requests", "value": 1})
    await asyncio.sleep(0)
    assert started_reporter.sent[-1]["name"] == "requests"


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="raised", cause="future-attached-to-different-loop")
@pytest.mark.asyncio
async def test_delivery_receipt_is_awaited(pending_reply):
    receipt = await pending_reply
    assert receipt["status"] == "delivered"


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="raised", cause="loop-already-running")
@pytest.mark.asyncio
async def test_currency_widget_renders():
    rates = get_exchange_rates_sync(fetch_rates)
    assert rates["EURUSD"] > 1


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="raised", cause="asyncio-run-inside-running-loop")
@pytest.mark.asyncio
async def test_invoice_totals_converted():
    rates = get_exchange_rates_blocking(fetch_rates)
    assert round(100 * rates["EURUSD"], 2) == 108.0


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="async", cause="reuse-awaited-coroutine")
@pytest.mark.asyncio
async def test_flaky_upstream_is_retried():
    attempts = {"n": 0}

    async def call_upstream():
        attempts["n"] += 1
        await asyncio.sleep(0)
        if attempts["n"] < 2:
            raise ConnectionError("upstream reset")
        return "ok"

    async def with_retries(coro, retries=3):
        for _ in range(retries):
            try:
                return await coro
            except ConnectionError:
                continue
        raise RuntimeError("exhausted")

    assert await with_retries(call_upstream()) == "ok"


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="raised", cause="coroutine-never-awaited")
@pytest.mark.asyncio
async def test_order_status_endpoint():
    async def load_order(order_id):
        await asyncio.sleep(0)
        return {"id": order_id, "status": "shipped"}

    def order_status(order_id):
        order = load_order(order_id)  # missing await after the repo went async
        return order["status"]

    assert order_status(5) == "shipped"


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="raised", cause="non-thread-safe-loop-call")
@pytest.mark.asyncio
async def test_thread_pool_callback_updates_progress():
    import threading

    loop = asyncio.get_running_loop()
    loop.set_debug(True)
    progress: list[int] = []
    errors: list[BaseException] = []

    def worker():
        try:
            loop.call_soon(progress.append, 100)
        except BaseException as exc:  # surfaced to the test below
            errors.append(exc)

    t = threading.Thread(target=worker)
    t.start()
    t.join()
    if errors:
        raise errors[0]
    await asyncio.sleep(0)
    assert progress == [100]
