"""The tracking worker runs on uvloop: it consumes carrier events and flushes metrics in the background."""

from __future__ import annotations

import asyncio

import uvloop

METRICS: list[str] = []


class EventBus:
    """Created once at import time, as the worker's entry point does."""

    def __init__(self) -> None:
        self.loop = uvloop.new_event_loop()
        self.ready = self.loop.create_future()

    def announce(self) -> None:
        self.loop.call_soon_threadsafe(self.ready.set_result, True)


BUS = EventBus()


async def flush_metrics(batch: list[str]) -> None:
    await asyncio.sleep(0.05)
    METRICS.extend(batch)


async def process(events: list[dict]) -> int:
    handled = [e for e in events if e.get("parcel")]
    asyncio.get_running_loop().create_task(flush_metrics([f"event.{e['event']}" for e in handled]))
    return len(handled)


async def wait_until_ready() -> bool:
    return await BUS.ready


def run_worker(events: list[dict]) -> int:
    return uvloop.run(process(events))
