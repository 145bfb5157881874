import asyncio

import pytest
import uvloop

from . import tracking_worker
from .tracking_worker import METRICS, process, run_worker, wait_until_ready


def test_worker_counts_events():
    assert run_worker([{"parcel": "PX-1", "event": "scan"}, {"noise": True}]) == 1


@pytest.mark.failure(category="5", library="uvloop", dist="uvloop", shape="assert", cause="background-task-cancelled-at-loop-shutdown")
def test_worker_flushes_metrics():
    METRICS.clear()
    run_worker([{"parcel": "PX-2", "event": "delivered"}])
    assert METRICS == ["event.delivered"]


@pytest.mark.failure(category="5", library="uvloop", dist="uvloop", shape="async", cause="future-attached-to-different-loop")
def test_worker_waits_for_bus():
    tracking_worker.BUS.announce()
    assert uvloop.run(wait_until_ready()) is True


async def test_process_in_test_loop():
    assert await process([{"parcel": "PX-3", "event": "scan"}]) == 1
    await asyncio.sleep(0.06)
