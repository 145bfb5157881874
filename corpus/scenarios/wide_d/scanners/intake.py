"""Warehouse intake: handheld scanners run in threads (vendor SDK is blocking) and feed the async stock updater
through a janus queue."""

from __future__ import annotations

import asyncio
import threading
import time

import janus

STOCK: dict[str, int] = {}


class Intake:
    def __init__(self) -> None:
        self.queue: janus.Queue[str] = janus.Queue()
        self.processed = 0

    def __repr__(self) -> str:
        return f"Intake(processed={self.processed})"

    def scanner(self, barcodes: list[str], pace: float = 0.0) -> threading.Thread:
        def run() -> None:
            for code in barcodes:
                time.sleep(pace)
                self.queue.sync_q.put(code)

        thread = threading.Thread(target=run, daemon=True)
        thread.start()
        return thread

    async def drain(self) -> int:
        """Apply every scan that is waiting in the queue."""
        n = 0
        while not self.queue.async_q.empty():
            code = await self.queue.async_q.get()
            STOCK[code] = STOCK.get(code, 0) + 1
            self.queue.async_q.task_done()
            n += 1
        self.processed += n
        return n

    async def consume(self, n: int) -> None:
        for _ in range(n):
            code = await self.queue.async_q.get()
            STOCK[code] = STOCK.get(code, 0) + 1
            self.queue.async_q.task_done()
            self.processed += 1

    async def shutdown(self) -> None:
        self.queue.close()
        await self.queue.wait_closed()
