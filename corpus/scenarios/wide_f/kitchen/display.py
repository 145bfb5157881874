"""Kitchen display system: order tickets pushed to the screens over a WebSocket (Starlette app served by uvicorn)."""

from __future__ import annotations

import asyncio

from starlette.applications import Starlette
from starlette.routing import WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

SETTINGS = {"ticket_delay": 0.0, "idle_close": 5.0, "max_screens": 4}
CONNECTED: set[str] = set()


async def station(ws: WebSocket) -> None:
    name = ws.path_params["station"]
    await ws.accept()
    if len(CONNECTED) >= SETTINGS["max_screens"]:
        await ws.close(code=1013, reason="screen limit reached")
        return
    CONNECTED.add(name)
    try:
        await ws.send_json({"type": "hello", "station": name})
        while True:
            try:
                msg = await asyncio.wait_for(ws.receive_json(), SETTINGS["idle_close"])
            except asyncio.TimeoutError:
                await ws.close(code=1001, reason="station idle")
                return
            if msg["type"] == "next_ticket":
                await asyncio.sleep(SETTINGS["ticket_delay"])
                await ws.send_json({"type": "ticket", "order": "T-14", "items": ["burger", "fries"]})
            elif msg["type"] == "bump":
                await ws.send_json({"type": "bumped", "order": msg["order"]})
    except WebSocketDisconnect:
        pass
    finally:
        CONNECTED.discard(name)


app = Starlette(routes=[WebSocketRoute("/stations/{station}", station)])
