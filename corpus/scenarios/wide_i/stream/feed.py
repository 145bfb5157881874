"""Market-data push service: a websockets server, an ASGI websocket endpoint and an aiohttp fan-out."""

from __future__ import annotations

import asyncio
import json
import time

from aiohttp import web
from starlette.applications import Starlette
from starlette.routing import WebSocketRoute
from starlette.websockets import WebSocket
from websockets.asyncio.server import serve

SETTINGS = {"replay": 0, "per_message": 0.0, "ack_delay": 0.0, "heartbeat_every": 0.05, "fills": 10, "stall_at": -1,
            "stall": 0.0}


async def _send_replay(ws):
    for i in range(SETTINGS["replay"]):
        await asyncio.sleep(SETTINGS["per_message"])
        await ws.send(json.dumps({"type": "replay", "seq": i}))


async def handler(ws):
    path = ws.request.path
    if path == "/fills":
        for seq in range(SETTINGS["fills"]):
            await asyncio.sleep(SETTINGS["stall"] if seq == SETTINGS["stall_at"] else SETTINGS["per_message"])
            await ws.send(json.dumps({"type": "fill", "seq": seq}))
        await asyncio.sleep(1)
    elif path == "/echo":
        async for raw in ws:
            await _send_replay(ws)
            await ws.send(json.dumps({"type": "pong", "sent_at": json.loads(raw)["sent_at"]}))
    elif path == "/quotes":
        raw = await ws.recv()
        symbols = json.loads(raw)["subscribe"]
        beats = round(SETTINGS["ack_delay"] / SETTINGS["heartbeat_every"])
        for n in range(beats):
            await asyncio.sleep(SETTINGS["heartbeat_every"])
            await ws.send(json.dumps({"type": "heartbeat", "n": n}))
        await ws.send(json.dumps({"type": "subscribed", "symbols": symbols}))
        await asyncio.sleep(1)


def make_server(port: int):
    return serve(handler, "127.0.0.1", port, ping_interval=None)


# ---- ASGI: order-book updates for the web terminal -------------------------------------------------------------

BOOK = {"auth_seconds": 0.0, "max_pending": 100, "pending": 0}


async def book_ws(websocket: WebSocket) -> None:
    await websocket.accept()
    request = await websocket.receive_json()
    if BOOK["auth_seconds"]:
        await asyncio.sleep(BOOK["auth_seconds"])
        await websocket.send_json({"type": "heartbeat"})
    if BOOK["pending"] > BOOK["max_pending"]:
        await websocket.send_json({"type": "error", "reason": "backlog", "pending": BOOK["pending"]})
        await websocket.close(code=1013, reason="try again later")
        return
    await websocket.send_json({"type": "subscribed", "book": request["book"]})
    for level in range(3):
        await websocket.send_json({"type": "level", "price": 100 + level})
    await websocket.send_json({"type": "snapshot", "levels": 3})


asgi_app = Starlette(routes=[WebSocketRoute("/book", book_ws)])


# ---- aiohttp: position updates fan-out -------------------------------------------------------------------------

POSITIONS = {"delay": 0.0, "count": 5, "stall_at": -1, "stall": 0.0}


async def positions(request: web.Request) -> web.WebSocketResponse:
    ws = web.WebSocketResponse()
    await ws.prepare(request)
    async for msg in ws:
        if msg.data == "snapshot":
            for i in range(POSITIONS["count"]):
                await asyncio.sleep(POSITIONS["stall"] if i == POSITIONS["stall_at"] else POSITIONS["delay"])
                await ws.send_json({"account": "ACC-1", "seq": i, "qty": 10 * (i + 1)})
    return ws


def make_aiohttp_app() -> web.Application:
    app = web.Application()
    app.router.add_get("/positions", positions)
    return app
