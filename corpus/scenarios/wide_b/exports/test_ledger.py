import asyncio

import pytest

from .ledger import BatchWriter, Ledger


@pytest.fixture
def ledger(tmp_path):
    return Ledger(tmp_path / "ledger.jsonl")


async def test_single_delivery_recorded(ledger):
    await ledger.record({"parcel": "PX-1", "status": "delivered"})
    assert await ledger.entries() == [{"parcel": "PX-1", "status": "delivered"}]


async def test_sequential_deliveries_sorted(ledger):
    for p in ("PX-3", "PX-2"):
        await ledger.record({"parcel": p, "status": "delivered"})
    assert [e["parcel"] for e in await ledger.entries()] == ["PX-2", "PX-3"]


@pytest.mark.failure(category="5", library="aiofiles", dist="aiofiles", shape="assert", cause="lost-update-concurrent-file-rewrite")
async def test_route_deliveries_recorded_concurrently(ledger):
    await asyncio.gather(*(ledger.record({"parcel": f"PX-{i}", "status": "delivered"}) for i in range(10, 16)))
    assert len(await ledger.entries()) == 6


@pytest.mark.failure(category="5", library="aiofiles", dist="aiofiles", shape="assert", cause="reader-runs-before-writer-task")
async def test_auditor_sees_new_entry(ledger):
    writer = asyncio.create_task(ledger.record({"parcel": "PX-20", "status": "returned"}))
    seen = await ledger.entries()
    await writer
    assert seen == [{"parcel": "PX-20", "status": "returned"}]


@pytest.mark.failure(category="5", library="aiofiles", dist="aiofiles", shape="async", cause="file-closed-while-tasks-still-writing")
async def test_batch_writer_flushes_all_entries(tmp_path):
    writer = BatchWriter(tmp_path / "batch.jsonl")
    await writer.open()
    tasks = [asyncio.create_task(writer.write({"parcel": f"PX-{i}"}, delay=0.01 * i)) for i in range(4)]
    await asyncio.sleep(0.015)
    await writer.close()
    await asyncio.gather(*tasks)
    assert len((tmp_path / "batch.jsonl").read_text().splitlines()) == 4
