"""Label printing spool: the web tier (async) queues print jobs, the printer driver (a blocking vendor library)
drains them in a thread. The two sides share a culsans queue."""

from __future__ import annotations

import threading
import time

import culsans

PRINTED: list[str] = []


class Spool:
    def __init__(self, capacity: int = 0) -> None:
        self.queue: culsans.Queue[str] = culsans.Queue(capacity)

    def __repr__(self) -> str:
        return f"Spool(waiting={self.queue.qsize()})"

    def start_printer(self, per_label: float = 0.0, start_after: float = 0.0) -> threading.Thread:
        def run() -> None:
            time.sleep(start_after)
            while True:
                try:
                    label = self.queue.sync_q.get()
                except culsans.QueueShutDown:
                    return
                self.queue.sync_q.task_done()  # acknowledged once the driver has taken the job
                time.sleep(per_label)
                PRINTED.append(label)

        thread = threading.Thread(target=run, daemon=True)
        thread.start()
        return thread

    async def submit(self, label: str) -> None:
        await self.queue.async_q.put(label)

    def submit_now(self, label: str) -> None:
        self.queue.async_q.put_nowait(label)

    def submit_blocking(self, label: str) -> None:
        """Used by the legacy order-import path."""
        self.queue.sync_q.put(label)

    async def wait_printed(self) -> None:
        await self.queue.async_q.join()

    def stop(self) -> None:
        self.queue.shutdown(immediate=True)
