import asyncio
from unittest.mock import AsyncMock, call

import pytest

from .events import BatchUpdater, EventBus, OrderWorkflow


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="assert", cause="gather-completion-order")
@pytest.mark.asyncio
async def test_batch_updates():
    updater = BatchUpdater({"nasdaq": 0.02, "nyse": 0.001, "lse": 0.01})

    await updater.run()

    # audit log must follow the configured feed priority
    assert updater.applied == ["nasdaq", "nyse", "lse"]


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="assert", cause="as-completed-order")
@pytest.mark.asyncio
async def test_streaming_updates_keep_feed_priority():
    updater = BatchUpdater({"primary": 0.015, "secondary": 0.005, "fallback": 0.0})

    results = await updater.run_streaming()

    assert results == ["primary", "secondary", "fallback"]


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="assert", cause="wait-first-completed-race")
@pytest.mark.asyncio
async def test_primary_replica_answers_first():
    async def query(replica: str, latency: float) -> str:
        await asyncio.sleep(latency)
        return replica

    primary = asyncio.create_task(query("db-primary", 0.02))
    replica = asyncio.create_task(query("db-replica-2", 0.005))
    done, pending = await asyncio.wait({primary, replica}, return_when=asyncio.FIRST_COMPLETED)
    for task in pending:
        task.cancel()

    assert [t.result() for t in done] == ["db-primary"]


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="chained", cause="event-published-before-subscribe")
@pytest.mark.asyncio
async def test_subscriber_receives_order_created_event():
    bus = EventBus()

    publisher = asyncio.create_task(bus.publish("orders", {"id": 42, "type": "created"}))
    await asyncio.sleep(0)  # let the API handler run
    inbox = bus.subscribe("orders")

    event = await asyncio.wait_for(inbox.get(), timeout=0.05)
    assert event["id"] == 42
    await publisher


@pytest.mark.failure(category="5", library="unittest.mock", dist=None, shape="assert", cause="fire-and-forget-not-awaited-yet")
@pytest.mark.asyncio
async def test_place_order_sends_confirmation():
    publisher = AsyncMock()
    workflow = OrderWorkflow(publisher)

    await workflow.place(1001)

    publisher.send.assert_awaited_with("order.created", 1001)


@pytest.mark.failure(category="5", library="unittest.mock", dist=None, shape="assert", cause="asyncmock-await-order")
@pytest.mark.asyncio
async def test_webhooks_emitted_in_lifecycle_order():
    publisher = AsyncMock()
    workflow = OrderWorkflow(publisher)

    await workflow.place(1002)
    await asyncio.sleep(0.05)

    publisher.send.assert_has_awaits([call("order.created", 1002), call("order.paid", 1002)])


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="raised", cause="queue-get-nowait-before-producer")
@pytest.mark.asyncio
async def test_worker_picks_up_enqueued_job():
    jobs: asyncio.Queue = asyncio.Queue()

    async def enqueue_later():
        await asyncio.sleep(0.001)
        await jobs.put({"job": "resize", "image": 17})

    producer = asyncio.create_task(enqueue_later())
    job = jobs.get_nowait()
    await producer
    assert job["job"] == "resize"


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="raised", cause="future-resolved-twice")
@pytest.mark.asyncio
async def test_rpc_response_resolves_pending_request():
    loop = asyncio.get_running_loop()
    pending: dict[int, asyncio.Future] = {1: loop.create_future()}

    async def on_message(msg_id: int, payload: dict, delay: float):
        await asyncio.sleep(delay)
        pending[msg_id].set_result(payload)

    # server retransmits when the ack is late: both copies arrive
    await asyncio.gather(on_message(1, {"ok": True}, 0.001), on_message(1, {"ok": True}, 0.002))
    assert (await pending[1])["ok"]


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="raised", cause="lock-released-twice")
@pytest.mark.asyncio
async def test_session_refresh_releases_lock():
    refresh_lock = asyncio.Lock()
    tokens = {"value": "expired"}

    async def refresh(force: bool):
        await refresh_lock.acquire()
        try:
            await asyncio.sleep(0.001)
            tokens["value"] = "fresh"
            if force:
                refresh_lock.release()  # early release so waiters can proceed
        finally:
            refresh_lock.release()

    await asyncio.gather(refresh(False), refresh(True))
    assert tokens["value"] == "fresh"


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="async", cause="gather-first-exception-siblings-running")
@pytest.mark.asyncio
async def test_sync_all_accounts_reports_partial_progress():
    synced: list[str] = []

    async def sync(account: str, delay: float):
        await asyncio.sleep(delay)
        if account == "acme":
            raise ConnectionResetError(f"upstream reset while syncing {account}")
        synced.append(account)

    await asyncio.gather(sync("acme", 0.001), sync("globex", 0.01), sync("initech", 0.02))
