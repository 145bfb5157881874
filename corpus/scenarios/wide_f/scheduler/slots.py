"""Delivery slot booking. One process-wide queue of booking requests and one lock around the slot table."""

from __future__ import annotations

import asyncio
import threading

BOOKINGS: asyncio.Queue = asyncio.Queue()
SLOT_TABLE_LOCK = asyncio.Lock()
SLOTS: dict[str, int] = {}


async def book(slot: str, hold: float = 0.0) -> int:
    async with SLOT_TABLE_LOCK:
        taken = SLOTS.get(slot, 0)
        await asyncio.sleep(hold)
        SLOTS[slot] = taken + 1
        return SLOTS[slot]


async def next_booking(timeout: float = 0.2) -> dict:
    return await asyncio.wait_for(BOOKINGS.get(), timeout)


def submit(request: dict) -> None:
    BOOKINGS.put_nowait(request)


def capacity_report(slots: list[str]) -> dict[str, int]:
    loop = asyncio.get_event_loop()
    return loop.run_until_complete(_capacity(slots))


async def _capacity(slots: list[str]) -> dict[str, int]:
    await asyncio.sleep(0)
    return {s: 10 - SLOTS.get(s, 0) for s in slots}


class DriverApp:
    """The driver app pushes location pings from its SDK thread into the scheduler's loop."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.pings: list[tuple[str, float]] = []

    def ping_from_sdk(self, driver: str, eta: float) -> None:
        result: list[BaseException] = []

        def sdk_thread():
            try:
                self.loop.call_soon_threadsafe(self.pings.append, (driver, eta))
            except BaseException as exc:
                result.append(exc)

        t = threading.Thread(target=sdk_thread)
        t.start()
        t.join(2)
        if result:
            raise result[0]


_driver_app: DriverApp | None = None


def driver_app() -> DriverApp:
    global _driver_app
    if _driver_app is None:
        _driver_app = DriverApp(asyncio.get_running_loop())
    return _driver_app
