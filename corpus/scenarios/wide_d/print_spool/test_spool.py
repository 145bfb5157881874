import asyncio

import culsans
import pytest

from .spool import PRINTED, Spool


@pytest.fixture(autouse=True)
def fresh_printer():
    PRINTED.clear()


async def test_single_label_printed():
    spool = Spool()
    spool.start_printer()
    await spool.submit("ORD-1")
    await asyncio.wait_for(spool.wait_printed(), 1)
    spool.stop()
    assert PRINTED == ["ORD-1"]


@pytest.mark.failure(category="5", library="culsans", dist="culsans", shape="assert", cause="join-returns-before-driver-thread-prints")
async def test_batch_printed_after_join():
    spool = Spool()
    spool.start_printer(per_label=0.02)
    for order in ("ORD-2", "ORD-3", "ORD-4"):
        await spool.submit(order)
    await spool.wait_printed()
    spool.stop()
    assert PRINTED == ["ORD-2", "ORD-3", "ORD-4"]


@pytest.mark.failure(category="5", library="culsans", dist="culsans", shape="timeout", cause="blocking-put-on-event-loop-thread-deadlocks")
@pytest.mark.timeout(1)
async def test_import_of_many_orders():
    spool = Spool(capacity=2)
    for n in range(3):
        spool.submit_blocking(f"IMP-{n}")
    spool.start_printer()
    await spool.wait_printed()


@pytest.mark.failure(category="5", library="culsans", dist="culsans", shape="raised", cause="burst-overflows-bounded-queue-before-consumer-starts")
async def test_flash_sale_burst():
    spool = Spool(capacity=3)
    spool.start_printer(start_after=0.05)
    try:
        for n in range(5):
            spool.submit_now(f"SALE-{n}")
        await spool.wait_printed()
    finally:
        spool.stop()
    assert len(PRINTED) == 5


@pytest.mark.failure(category="5", library="culsans", dist="culsans", shape="async", cause="queue-shut-down-while-web-tier-submits")
async def test_label_submitted_during_printer_restart():
    spool = Spool()
    spool.start_printer()

    async def restart():
        await asyncio.sleep(0.01)
        spool.stop()

    restarting = asyncio.create_task(restart())
    await asyncio.sleep(0.02)
    await spool.submit("ORD-9")
    await restarting


@pytest.fixture
async def busy_spool():
    spool = Spool()
    spool.start_printer(per_label=0.2, start_after=0.05)
    yield spool
    # the next test needs an idle printer
    await asyncio.wait_for(spool.wait_printed(), 0.3)
    spool.stop()


@pytest.mark.failure(category="5", library="culsans", dist="culsans", shape="teardown", cause="driver-thread-still-printing-after-test-body")
async def test_wave_of_orders_is_accepted(busy_spool):
    for order in ("WAVE-1", "WAVE-2", "WAVE-3"):
        await busy_spool.submit(order)
    assert busy_spool.queue.qsize() <= 3
