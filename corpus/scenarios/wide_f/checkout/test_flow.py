import asyncio
from unittest.mock import AsyncMock

import pytest

from . import flow
from .flow import FraudScoreWorker, OrderStore, PaymentGateway


@pytest.fixture
def psp():
    client = AsyncMock()
    client.capture.return_value = "ch_1"
    return client


@pytest.fixture
async def store(tmp_path):
    store = OrderStore(str(tmp_path / "orders.db"))
    await store.open()
    yield store
    if store.db is not None and store.db._running:
        await store.close()


async def test_capture_records_order(psp):
    gateway = PaymentGateway(psp)
    assert await gateway.capture("SO-1", 1999) == "ch_1"


@pytest.mark.failure(category="5", library="unittest.mock", dist=None, shape="assert", cause="hedged-attempts-awaited-concurrently")
async def test_capture_retries_after_reset(psp):
    psp.capture.side_effect = [ConnectionResetError("psp reset"), "ch_2", "ch_3"]
    gateway = PaymentGateway(psp)
    assert await gateway.capture_with_retry("SO-2", 2500) == "ch_2"
    assert psp.capture.await_count == 2


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="assert", cause="shielded-capture-completes-after-cancel")
async def test_cancelled_checkout_captures_nothing(psp):
    async def slow_fraud_check(order):
        await asyncio.sleep(0)

    async def slow_capture(**kwargs):
        await asyncio.sleep(0.05)
        return "ch_3"

    psp.capture.side_effect = slow_capture
    gateway = PaymentGateway(psp)
    task = asyncio.create_task(flow.checkout(gateway, "SO-3", 900, slow_fraud_check))
    await asyncio.sleep(0.01)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    await asyncio.sleep(0.1)
    assert gateway.captured == []


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="assert", cause="first-completed-depends-on-timing")
async def test_preferred_carrier_wins_tie():
    assert await flow.fastest_quote({"dpd": 0.02, "royal-mail": 0.01, "evri": 0.03}) == "dpd"


@pytest.mark.failure(category="5", library="aiosqlite", dist="aiosqlite", shape="raised", cause="connection-closed-by-shutdown-while-writer-running")
async def test_shutdown_waits_for_pending_orders(store):
    writer = asyncio.create_task(store.save_many([("SO-4", 100), ("SO-5", 200), ("SO-6", 300)]))
    await asyncio.sleep(0.015)
    await store.close()  # SIGTERM handler
    await writer


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="raised", cause="future-resolved-from-foreign-thread-debug-mode")
async def test_fraud_score_from_native_thread():
    asyncio.get_running_loop().set_debug(True)
    assert await FraudScoreWorker().score("SO-7") == 42


@pytest.mark.failure(category="other", library="unittest.mock", dist=None, shape="assert", cause="capture-called-with-cents-vs-pounds")
async def test_capture_amount_in_pence(psp):
    gateway = PaymentGateway(psp)
    await gateway.capture("SO-8", 19.99)
    psp.capture.assert_awaited_once_with(order="SO-8", amount=1999)


@pytest.mark.failure(category="other", library="aiosqlite", dist="aiosqlite", shape="raised", cause="duplicate-order-id-integrityerror")
async def test_resubmitted_order_is_saved(store):
    await store.save_many([("SO-9", 100)])
    await store.save_many([("SO-9", 120)])
