"""Depot dispatch board (Starlette WebSocket): screens in the depot show which van loads at which bay."""

from __future__ import annotations

import asyncio
import time

from starlette.applications import Starlette
from starlette.routing import WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

SETTINGS = {"screens_per_depot": 2, "plan_seconds": 0.0, "route_optimiser_seconds": 0.0}
SCREENS: dict[str, int] = {}


async def board(ws: WebSocket) -> None:
    depot = ws.path_params["depot"]
    await ws.accept()
    if SCREENS.get(depot, 0) >= SETTINGS["screens_per_depot"]:
        await ws.close(code=1008, reason="screen limit for depot")
        return
    SCREENS[depot] = SCREENS.get(depot, 0) + 1
    try:
        await ws.send_json({"type": "hello", "depot": depot})
        while True:
            cmd = await ws.receive_json()
            if cmd["type"] == "plan":
                await asyncio.sleep(SETTINGS["plan_seconds"])
                await ws.send_json({"type": "plan", "bays": {"B1": "VAN-12", "B2": "VAN-07"}})
            elif cmd["type"] == "optimise":
                time.sleep(SETTINGS["route_optimiser_seconds"])  # the optimiser is a blocking C extension
                await ws.send_json({"type": "optimised", "saving_km": 14})
            elif cmd["type"] == "vans":
                await ws.send_json({"type": "vans", "vans": "VAN-12,VAN-07"})
    except WebSocketDisconnect:
        pass
    finally:
        SCREENS[depot] -= 1


app = Starlette(routes=[WebSocketRoute("/depots/{depot}/board", board)])
