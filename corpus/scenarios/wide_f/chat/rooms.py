"""Support chat rooms over aiohttp WebSockets.

Agents and customers join a room; messages are broadcast to everyone in it. Each member has a bounded outbox so
one slow browser cannot stall the room.
"""

from __future__ import annotations

import asyncio
import collections
import json

from aiohttp import WSCloseCode, WSMsgType, web

CONFIG = {"room_size": 2, "history_delay": 0.0, "outbox": 4, "idle_timeout": 5.0, "send_pause": 0.0}
ROOMS: dict[str, list["Member"]] = collections.defaultdict(list)
HISTORY = {"r-1": [{"from": "agent", "text": "Hi, how can I help?"}]}


class Member:
    def __init__(self, ws: web.WebSocketResponse) -> None:
        self.ws = ws
        self.outbox: collections.deque = collections.deque(maxlen=CONFIG["outbox"])
        self.wakeup = asyncio.Event()

    def offer(self, message: dict) -> None:
        self.outbox.append(message)
        self.wakeup.set()

    async def pump(self) -> None:
        while True:
            await self.wakeup.wait()
            self.wakeup.clear()
            while self.outbox:
                await asyncio.sleep(CONFIG["send_pause"])
                await self.ws.send_json(self.outbox.popleft())


async def join(request: web.Request) -> web.WebSocketResponse:
    room = request.match_info["room"]
    ws = web.WebSocketResponse(autoping=request.query.get("legacy") != "1")
    await ws.prepare(request)
    if len(ROOMS[room]) >= CONFIG["room_size"]:
        await ws.close(code=WSCloseCode.TRY_AGAIN_LATER, message=b"room is full")
        return ws
    member = Member(ws)
    ROOMS[room].append(member)
    pump = asyncio.create_task(member.pump())
    try:
        await asyncio.sleep(CONFIG["history_delay"])
        for line in HISTORY.get(room, []):
            member.offer({"type": "history", **line})
        while True:
            msg = await ws.receive(timeout=CONFIG["idle_timeout"])
            if msg.type != WSMsgType.TEXT:
                break
            body = json.loads(msg.data)
            if body.get("type") == "typing":
                asyncio.create_task(relay_typing(room, member, body))
                continue
            for other in ROOMS[room]:
                other.offer({"type": "message", "from": body["from"], "text": body["text"]})
    except asyncio.TimeoutError:
        await ws.close(code=WSCloseCode.GOING_AWAY, message=b"idle")
    finally:
        pump.cancel()
        ROOMS[room].remove(member)
    return ws


async def relay_typing(room: str, sender: Member, body: dict) -> None:
    # the presence service is asked whether the sender is visible before relaying
    await asyncio.sleep(0.02 * len(body["from"]))
    for other in ROOMS[room]:
        if other is not sender:
            other.offer({"type": "typing", "from": body["from"]})


async def legacy_transcript(request: web.Request) -> web.WebSocketResponse:
    ws = web.WebSocketResponse()
    await ws.prepare(request)
    await ws.send_str("agent: Hi, how can I help?\ncustomer: where is my order")
    await ws.close()
    return ws


def make_app() -> web.Application:
    app = web.Application()
    app.router.add_get("/rooms/{room}", join)
    app.router.add_get("/transcripts/{room}", legacy_transcript)
    return app
