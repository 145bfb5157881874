import asyncio

import pytest
import pytest_asyncio

from .clients import JobBroker, reporter


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def shared_broker():
    broker = JobBroker()
    asyncio.get_running_loop().call_later(0.005, broker.queue.put_nowait, {"job": "warmup"})
    await broker.next_job()
    async with broker.lock:
        waiter = asyncio.create_task(broker.lock.acquire())
        await asyncio.sleep(0)
    await waiter
    broker.lock.release()
    yield broker


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def started_reporter():
    await reporter.start()
    yield reporter


@pytest.fixture
def pending_reply():
    loop = asyncio.new_event_loop()
    fut = loop.create_future()
    loop.call_soon(fut.set_result, {"status": "delivered"})
    yield fut
    loop.close()
