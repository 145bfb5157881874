"""Price-drop alerts fanned out through Redis pub/sub to the notification gateways."""

from __future__ import annotations

import asyncio
import json

from redis import asyncio as aioredis

CHANNEL = "alerts:price-drop"


class Gateway:
    """One gateway instance: subscribes to the alert channel and forwards what it receives."""

    def __init__(self, client: aioredis.Redis, name: str, handle_delay: float = 0.0) -> None:
        self.client = client
        self.name = name
        self.handle_delay = handle_delay
        self.pubsub = client.pubsub(ignore_subscribe_messages=True)
        self.received: list[dict] = []
        self.task: asyncio.Task | None = None

    async def start(self) -> None:
        self.task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        await asyncio.sleep(0.05)  # templates and routing rules are loaded before the gateway subscribes
        await self.pubsub.subscribe(CHANNEL)
        while True:
            msg = await self.pubsub.get_message(timeout=0.05)
            if msg is None:
                continue
            await asyncio.sleep(self.handle_delay)
            self.received.append(json.loads(msg["data"]))

    async def stop(self) -> None:
        if self.task:
            self.task.cancel()
        await self.pubsub.aclose()


async def publish_drop(client: aioredis.Redis, sku: str, price: float) -> int:
    return await client.publish(CHANNEL, json.dumps({"sku": sku, "price": price}))


async def next_alert(pubsub, within: float) -> dict | None:
    msg = await pubsub.get_message(ignore_subscribe_messages=True, timeout=within)
    return json.loads(msg["data"]) if msg else None
