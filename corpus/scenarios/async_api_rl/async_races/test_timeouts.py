import asyncio

import pytest


async def fetch_quote(symbol: str, latency: float) -> dict:
    await asyncio.sleep(latency)
    return {"symbol": symbol, "price": 101.5}


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="chained", cause="wait-for-timeout")
@pytest.mark.asyncio
async def test_parallel_recovery():
    latencies = {"AAPL": 0.001, "MSFT": 0.2, "GOOG": 0.002}

    quotes = await asyncio.gather(
        *(asyncio.wait_for(fetch_quote(sym, lat), timeout=0.05) for sym, lat in latencies.items())
    )

    assert len(quotes) == 3


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="chained", cause="asyncio-timeout-context")
@pytest.mark.asyncio
async def test_health_check_completes_within_budget():
    async def check_dependencies():
        await asyncio.gather(asyncio.sleep(0.01), asyncio.sleep(0.3), asyncio.sleep(0.02))
        return "ok"

    async with asyncio.timeout(0.05):
        status = await check_dependencies()
    assert status == "ok"


class Account:
    def __init__(self, name: str, balance: int) -> None:
        self.name = name
        self.balance = balance
        self.lock = asyncio.Lock()


async def transfer(src: Account, dst: Account, amount: int) -> None:
    async with src.lock:
        await asyncio.sleep(0.001)
        async with dst.lock:
            src.balance -= amount
            dst.balance += amount


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="chained", cause="lock-ordering-deadlock")
@pytest.mark.asyncio
async def test_cross_transfers_complete():
    a, b = Account("a", 100), Account("b", 100)

    await asyncio.wait_for(asyncio.gather(transfer(a, b, 10), transfer(b, a, 20)), timeout=0.1)

    assert (a.balance, b.balance) == (110, 90)


@pytest.mark.failure(category="5", library="pytest-timeout", dist="pytest-timeout", shape="timeout", cause="lock-ordering-deadlock")
@pytest.mark.timeout(1)
@pytest.mark.asyncio
async def test_settlement_batch_does_not_deadlock():
    accounts = [Account(n, 1000) for n in ("ops", "treasury", "fees")]

    await asyncio.gather(
        transfer(accounts[0], accounts[1], 5),
        transfer(accounts[1], accounts[2], 5),
        transfer(accounts[2], accounts[0], 5),
    )


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="chained", cause="semaphore-leak")
@pytest.mark.asyncio
async def test_download_pool_recovers_after_failure():
    slots = asyncio.Semaphore(2)

    async def download(url: str):
        await slots.acquire()
        if url.endswith(".bad"):
            raise ValueError(f"corrupt payload from {url}")
        await asyncio.sleep(0.001)
        slots.release()
        return url

    results = await asyncio.gather(
        download("s3://bucket/a.bad"), download("s3://bucket/b.bad"), return_exceptions=True
    )
    assert all(isinstance(r, ValueError) for r in results)

    assert await asyncio.wait_for(download("s3://bucket/c.csv"), timeout=0.05) == "s3://bucket/c.csv"


@pytest.mark.failure(category="5", library="pytest-timeout", dist="pytest-timeout", shape="timeout", cause="queue-join-task-done-missing")
@pytest.mark.timeout(1)
@pytest.mark.asyncio
async def test_all_thumbnails_processed():
    queue: asyncio.Queue = asyncio.Queue()
    processed: list[int] = []

    async def worker():
        while True:
            image_id = await queue.get()
            if image_id % 3 == 0:
                continue  # skipped images never call task_done()
            processed.append(image_id)
            queue.task_done()

    workers = [asyncio.create_task(worker()) for _ in range(2)]
    for i in range(1, 7):
        queue.put_nowait(i)
    await queue.join()
    for w in workers:
        w.cancel()


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="chained", cause="event-cleared-before-waiter")
@pytest.mark.asyncio
async def test_cache_warmup_signal_is_observed():
    ready = asyncio.Event()

    async def warmup():
        ready.set()
        await asyncio.sleep(0)
        ready.clear()  # next warm-up cycle starts immediately

    async def request_handler():
        await asyncio.sleep(0.001)
        await asyncio.wait_for(ready.wait(), timeout=0.05)
        return "served"

    results = await asyncio.gather(warmup(), request_handler())
    assert results[1] == "served"


@pytest.mark.failure(category="5", library="pytest-timeout", dist="pytest-timeout", shape="timeout", cause="condition-notify-before-wait")
@pytest.mark.timeout(1)
@pytest.mark.asyncio
async def test_consumer_wakes_when_batch_ready():
    cond = asyncio.Condition()
    batch: list[int] = []

    async def producer():
        async with cond:
            batch.extend([1, 2, 3])
            cond.notify_all()

    async def consumer():
        await asyncio.sleep(0.01)
        async with cond:
            await cond.wait()
            return list(batch)

    prod = asyncio.create_task(producer())
    got = await consumer()
    await prod
    assert got == [1, 2, 3]


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="async", cause="cancelled-error-propagates")
@pytest.mark.asyncio
async def test_report_generation_survives_shutdown_signal():
    async def build_report():
        await asyncio.sleep(0.05)
        return {"rows": 120}

    report_task = asyncio.create_task(build_report())

    async def graceful_shutdown():
        await asyncio.sleep(0.001)
        report_task.cancel()

    asyncio.create_task(graceful_shutdown())
    report = await report_task
    assert report["rows"] == 120


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="assert", cause="cancel-mid-write-partial-state")
@pytest.mark.asyncio
async def test_cancelled_import_leaves_no_partial_rows():
    table: list[dict] = []

    async def import_rows(rows):
        for row in rows:
            await asyncio.sleep(0.002)
            table.append(row)

    task = asyncio.create_task(import_rows([{"id": i} for i in range(10)]))
    await asyncio.sleep(0.007)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task

    assert table == [], "import must be atomic: either all rows or none"
