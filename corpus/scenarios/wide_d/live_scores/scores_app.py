"""Live match scores over WebSockets (Quart).

Each connection subscribes to matches; goals are fanned out to a bounded per-connection queue so that a slow
client cannot hold the publisher back (the oldest updates are dropped when the queue is full).
"""

from __future__ import annotations

import asyncio
import json

from quart import Quart, websocket

app = Quart(__name__)
app.config.update(REGISTRATION_LATENCY=0.0, CONNECTION_QUEUE=5, MAX_VIEWERS=3, HEARTBEAT_EVERY=5.0)

SUBSCRIBERS: dict[str, list[asyncio.Queue]] = {}
VIEWERS = {"active": 0}
FIXTURES = {"ars-che": {"home": "Arsenal", "away": "Chelsea"}, "liv-mci": {"home": "Liverpool", "away": "Man City"}}


async def register(match: str, queue: asyncio.Queue) -> None:
    # the match registry is a remote service; its latency is configured per environment
    await asyncio.sleep(app.config["REGISTRATION_LATENCY"] * (2 if match == "liv-mci" else 1))
    SUBSCRIBERS.setdefault(match, []).append(queue)


def publish_goal(match: str, minute: int, scorer: str) -> int:
    delivered = 0
    for queue in SUBSCRIBERS.get(match, []):
        try:
            queue.put_nowait({"type": "goal", "match": match, "minute": minute, "scorer": scorer})
            delivered += 1
        except asyncio.QueueFull:
            pass
    return delivered


@app.websocket("/ws/scores")
async def scores():
    if VIEWERS["active"] >= app.config["MAX_VIEWERS"]:
        await websocket.close(1013, "viewer limit reached")
        return
    VIEWERS["active"] += 1
    queue: asyncio.Queue = asyncio.Queue(maxsize=app.config["CONNECTION_QUEUE"])

    async def pump():
        while True:
            try:
                update = await asyncio.wait_for(queue.get(), app.config["HEARTBEAT_EVERY"])
            except asyncio.TimeoutError:
                update = {"type": "heartbeat"}
            await websocket.send_json(update)

    async def subscribe(match: str):
        await register(match, queue)
        await websocket.send_json({"type": "subscribed", "match": match, **FIXTURES[match]})

    pump_task = asyncio.ensure_future(pump())
    try:
        while True:
            msg = json.loads(await websocket.receive())
            asyncio.ensure_future(subscribe(msg["subscribe"]))
    finally:
        pump_task.cancel()
        VIEWERS["active"] -= 1
