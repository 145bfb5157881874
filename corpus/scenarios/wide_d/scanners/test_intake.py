import asyncio

import pytest
import pytest_asyncio

from .intake import STOCK, Intake


@pytest.fixture(autouse=True)
def empty_stock():
    STOCK.clear()


@pytest_asyncio.fixture
async def intake():
    intake = Intake()
    yield intake
    await intake.shutdown()


async def test_single_scan(intake):
    intake.scanner(["SKU-1"]).join()
    assert await intake.drain() == 1


async def test_consume_two(intake):
    intake.scanner(["SKU-1", "SKU-2"])
    await asyncio.wait_for(intake.consume(2), 1)
    assert STOCK == {"SKU-1": 1, "SKU-2": 1}


@pytest.mark.failure(category="5", library="janus", dist="janus", shape="assert", cause="drain-runs-before-scanner-thread-puts")
async def test_pallet_scan_updates_stock(intake):
    intake.scanner(["SKU-7"] * 6, pace=0.01)
    await intake.drain()
    assert STOCK == {"SKU-7": 6}


@pytest.mark.failure(category="5", library="janus", dist="janus", shape="raised", cause="queue-reused-across-asyncio-run-calls")
def test_intake_cli_processes_two_batches():
    intake = Intake()
    for batch in (["SKU-1"], ["SKU-2", "SKU-2"]):
        intake.scanner(batch).join()
        asyncio.run(intake.consume(len(batch)))
    assert STOCK == {"SKU-1": 1, "SKU-2": 2}


@pytest.fixture(scope="module")
def shared_intake():
    return asyncio.run(_make())


async def _make():
    intake = Intake()
    intake.queue.sync_q.put("WARM-UP")
    await intake.consume(1)  # warm-up scan, as the shift start does
    return intake


@pytest.mark.failure(category="5", library="janus", dist="janus", shape="async", cause="queue-bound-to-other-event-loop")
async def test_night_shift_reuses_intake(shared_intake):
    shared_intake.scanner(["SKU-3", "SKU-4"]).join()
    await asyncio.wait_for(shared_intake.consume(2), 1)
    assert STOCK["SKU-3"] == 1


@pytest.mark.failure(category="5", library="janus", dist="janus", shape="raised", cause="queue-closed-while-scanner-thread-still-putting")
async def test_shift_end_flushes_scans(intake):
    intake.scanner(["SKU-9"] * 5, pace=0.02)
    consumer = asyncio.create_task(intake.consume(5))
    await asyncio.sleep(0.05)
    await intake.shutdown()
    await consumer
    assert STOCK == {"SKU-9": 5}


@pytest.mark.failure(category="other", library="janus", dist="janus", shape="assert", cause="stock-counted-per-scan-not-per-unit")
async def test_case_scan_counts_units(intake):
    intake.scanner(["CASE-12xSKU-5"]).join()
    await intake.drain()
    assert STOCK == {"SKU-5": 12}

