"""A tiny domain-event bus and batch updater used by the notification pipeline."""

from __future__ import annotations

import asyncio
import random
from collections import defaultdict
from typing import Awaitable, Callable

Handler = Callable[[dict], Awaitable[None]]


class EventBus:
    def __init__(self) -> None:
        self._subscribers: dict[str, list[asyncio.Queue]] = defaultdict(list)

    def subscribe(self, topic: str) -> asyncio.Queue:
        queue: asyncio.Queue = asyncio.Queue()
        self._subscribers[topic].append(queue)
        return queue

    async def publish(self, topic: str, payload: dict) -> int:
        delivered = 0
        for queue in self._subscribers.get(topic, []):
            await queue.put(payload)
            delivered += 1
        return delivered


class BatchUpdater:
    """Applies price updates from several feeds; each feed has its own latency."""

    def __init__(self, feeds: dict[str, float]) -> None:
        self.feeds = feeds
        self.applied: list[str] = []

    async def _apply(self, feed: str) -> str:
        await asyncio.sleep(self.feeds[feed])
        self.applied.append(feed)
        return feed

    async def run(self) -> list[str]:
        return await asyncio.gather(*(self._apply(f) for f in self.feeds))

    async def run_streaming(self) -> list[str]:
        out = []
        for fut in asyncio.as_completed([self._apply(f) for f in self.feeds]):
            out.append(await fut)
        return out


class OrderWorkflow:
    def __init__(self, publisher) -> None:
        self.publisher = publisher
        self._background: set[asyncio.Task] = set()

    async def _notify(self, event: str, order_id: int, delay: float) -> None:
        await asyncio.sleep(delay)
        await self.publisher.send(event, order_id)

    async def place(self, order_id: int) -> None:
        # emails/webhooks are fire-and-forget so the HTTP response is not delayed
        for event, delay in (("order.created", 0.02), ("order.paid", 0.005)):
            task = asyncio.create_task(self._notify(event, order_id, delay))
            self._background.add(task)
            task.add_done_callback(self._background.discard)
