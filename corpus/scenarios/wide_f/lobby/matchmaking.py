"""Game lobby (Starlette WebSockets): players queue for a match, the lobby pushes match-found and chat events."""

from __future__ import annotations

import asyncio
import collections

from starlette.applications import Starlette
from starlette.routing import WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

SETTINGS = {"max_players": 4, "match_after": 0.0, "heartbeat_grace": 1.0, "region_latency": {"eu": 0.0, "us": 0.0}, "backlog": 5}
PLAYERS: set[str] = set()


async def queue_for_match(ws: WebSocket) -> None:
    player = ws.query_params["player"]
    if len(PLAYERS) >= SETTINGS["max_players"]:
        await ws.close(code=1013, reason="lobby full")
        return
    await ws.accept()
    PLAYERS.add(player)
    try:
        await ws.send_json({"type": "queued", "player": player})
        await asyncio.sleep(SETTINGS["match_after"])
        await ws.send_json({"type": "match_found", "match": "m-1"})
        await ws.send_json({"type": "ping"})
        try:
            pong = await asyncio.wait_for(ws.receive_json(), SETTINGS["heartbeat_grace"])
        except asyncio.TimeoutError:
            await ws.close(code=1011, reason="heartbeat timeout")
            return
        await ws.send_json({"type": "ready", "echo": pong.get("type")})
        await ws.receive_text()
    except WebSocketDisconnect:
        pass
    finally:
        PLAYERS.discard(player)


async def region_status(ws: WebSocket) -> None:
    await ws.accept()
    regions = (await ws.receive_json())["regions"]

    async def probe(region: str) -> None:
        await asyncio.sleep(SETTINGS["region_latency"][region])
        await ws.send_json({"region": region, "status": "up"})

    await asyncio.gather(*(probe(r) for r in regions))
    await ws.close()


async def spectate(ws: WebSocket) -> None:
    await ws.accept()
    backlog: collections.deque = collections.deque(maxlen=SETTINGS["backlog"])
    for n in range(12):
        backlog.append({"type": "kill", "seq": n})
    while backlog:
        await ws.send_json(backlog.popleft())
    await ws.close()


async def leaderboard(ws: WebSocket) -> None:
    await ws.accept()
    await ws.send_json({"season": 7, "top": {"alice": 3120, "bob": 2990}})
    await ws.close()


app = Starlette(
    routes=[
        WebSocketRoute("/queue", queue_for_match),
        WebSocketRoute("/regions", region_status),
        WebSocketRoute("/spectate", spectate),
        WebSocketRoute("/leaderboard", leaderboard),
    ]
)
