"""Newsroom wire: editors follow story desks live over WebSockets (Litestar)."""

from __future__ import annotations

import asyncio

from litestar import Litestar, WebSocket, websocket

SETTINGS = {"desk_lookup_latency": 0.0, "embargo_check": 0.0, "jitter": [0.0], "max_editors": 5, "keepalive_every": 1.4}
DESKS = {"politics": ["PM visits Leeds", "Budget date set"], "sport": ["Derby ends 2-2"]}
EDITORS = {"online": 0}


@websocket("/desks/{desk:str}")
async def follow_desk(socket: WebSocket, desk: str) -> None:
    await socket.accept()
    if EDITORS["online"] >= SETTINGS["max_editors"]:
        await socket.close(code=1013, reason="editor seats taken")
        return
    EDITORS["online"] += 1
    try:
        while True:
            cmd = await socket.receive_json()
            if cmd["op"] == "follow":
                await asyncio.sleep(SETTINGS["desk_lookup_latency"])
                await socket.send_json({"op": "following", "desk": desk, "stories": len(DESKS[desk])})
            elif cmd["op"] == "replay":
                await asyncio.gather(*(_story(socket, i, s) for i, s in enumerate(DESKS[desk])))
            elif cmd["op"] == "idle":
                await asyncio.sleep(SETTINGS["keepalive_every"])
                await socket.send_json({"op": "keepalive"})
            elif cmd["op"] == "headline":
                await socket.send_data(f"HEADLINE {cmd['story'].upper()}")
    finally:
        EDITORS["online"] -= 1


async def _story(socket: WebSocket, i: int, title: str) -> None:
    await asyncio.sleep(SETTINGS["embargo_check"] + SETTINGS["jitter"][i % len(SETTINGS["jitter"])])
    await socket.send_json({"op": "story", "seq": i, "title": title})


app = Litestar(route_handlers=[follow_desk])
