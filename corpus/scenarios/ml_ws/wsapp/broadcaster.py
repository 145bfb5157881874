"""Fan-out of price updates to connected clients through per-client asyncio queues."""

from __future__ import annotations

import asyncio
import json


class Broadcaster:
    def __init__(self, max_backlog: int = 100) -> None:
        self.max_backlog = max_backlog
        self.subscribers: dict[str, asyncio.Queue] = {}

    def subscribe(self, client_id: str) -> asyncio.Queue:
        q: asyncio.Queue = asyncio.Queue(maxsize=self.max_backlog)
        self.subscribers[client_id] = q
        return q

    def publish(self, update: dict) -> None:
        for q in self.subscribers.values():
            q.put_nowait(update)

    async def publish_batch(self, updates: list[dict]) -> None:
        for update in updates:
            self.publish(update)

    async def publish_concurrently(self, updates: list[dict], send_delay) -> None:
        async def one(u):
            await asyncio.sleep(send_delay(u))
            self.publish(u)

        await asyncio.gather(*(one(u) for u in updates))


async def pump(queue: asyncio.Queue, ws, per_message_delay: float = 0.0) -> None:
    """Forward a client's queue to its websocket (``ws.send``)."""
    while True:
        update = await queue.get()
        await asyncio.sleep(per_message_delay)
        await ws.send(json.dumps(update))
