import asyncio

import pytest

from . import slots


@pytest.fixture(autouse=True)
def empty_table():
    slots.SLOTS.clear()
    yield


async def test_first_booking_in_slot():
    assert await slots.book("mon-09") == 1


async def test_booking_request_is_queued():
    waiter = asyncio.create_task(slots.next_booking())
    await asyncio.sleep(0.01)
    slots.submit({"slot": "mon-09", "order": "SO-1"})
    assert (await waiter)["order"] == "SO-1"


@pytest.mark.failure(category="5", library="uvloop", dist="uvloop", shape="async", cause="module-queue-bound-to-previous-loop")
async def test_booking_requests_processed_in_order():
    waiter = asyncio.create_task(slots.next_booking())
    await asyncio.sleep(0.01)
    slots.submit({"slot": "mon-10", "order": "SO-2"})
    slots.submit({"slot": "mon-10", "order": "SO-3"})
    assert [(await waiter)["order"], (await slots.next_booking())["order"]] == ["SO-2", "SO-3"]


async def test_parallel_bookings_fill_slot():
    counts = await asyncio.gather(slots.book("tue-09", hold=0.01), slots.book("tue-09"))
    assert sorted(counts) == [1, 2]


@pytest.mark.failure(category="5", library="uvloop", dist="uvloop", shape="raised", cause="module-lock-bound-to-previous-loop")
async def test_parallel_bookings_for_evening_slot():
    counts = await asyncio.gather(slots.book("tue-18", hold=0.01), slots.book("tue-18"), slots.book("tue-18"))
    assert sorted(counts) == [1, 2, 3]


@pytest.mark.failure(category="5", library="uvloop", dist="uvloop", shape="raised", cause="run-until-complete-on-running-uvloop")
async def test_capacity_report_after_booking():
    await slots.book("wed-09")
    assert slots.capacity_report(["wed-09"]) == {"wed-09": 9}


async def test_driver_ping_reaches_scheduler():
    app = slots.driver_app()
    app.ping_from_sdk("drv-7", 12.5)
    await asyncio.sleep(0.01)
    assert app.pings == [("drv-7", 12.5)]


@pytest.mark.failure(category="5", library="uvloop", dist="uvloop", shape="raised", cause="sdk-thread-posts-to-closed-loop")
async def test_driver_eta_updates_booking():
    app = slots.driver_app()
    app.ping_from_sdk("drv-7", 9.0)
    await asyncio.sleep(0.01)
    assert app.pings[-1] == ("drv-7", 9.0)
