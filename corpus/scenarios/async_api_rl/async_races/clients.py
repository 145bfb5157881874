"""Process-wide async helpers, written the way a web app wires them at import time."""

from __future__ import annotations

import asyncio
from typing import Any


class JobBroker:
    """Module-level broker; its queue binds to whichever loop first waits on it."""

    def __init__(self) -> None:
        self.queue: asyncio.Queue = asyncio.Queue()
        self.lock = asyncio.Lock()

    async def next_job(self, timeout: float = 0.05) -> Any:
        return await asyncio.wait_for(self.queue.get(), timeout)

    async def submit(self, job: Any) -> None:
        await self.queue.put(job)


broker = JobBroker()


class MetricsReporter:
    """Captures the running loop once and schedules flushes onto it."""

    def __init__(self) -> None:
        self._loop: asyncio.AbstractEventLoop | None = None
        self.sent: list[dict] = []

    async def start(self) -> None:
        self._loop = asyncio.get_running_loop()

    def record(self, metric: dict) -> None:
        assert self._loop is not None, "reporter not started"
        self._loop.call_soon_threadsafe(self.sent.append, metric)


reporter = MetricsReporter()


def get_exchange_rates_sync(fetch) -> dict:
    """Legacy sync facade used by the templating layer."""
    loop = asyncio.get_event_loop()
    return loop.run_until_complete(fetch())


def get_exchange_rates_blocking(fetch) -> dict:
    return asyncio.run(fetch())
