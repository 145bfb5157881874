"""Starlette app: the market ticker endpoint (``/ws/ticker``)."""

from __future__ import annotations

import asyncio

from starlette.applications import Starlette
from starlette.endpoints import WebSocketEndpoint
from starlette.routing import WebSocketRoute
from starlette.websockets import WebSocket


class TickerEndpoint(WebSocketEndpoint):
    encoding = "json"
    settings: dict = {"session_ttl": None, "tick_delay": 0.0, "max_symbols": 10, "silent": False}

    async def on_connect(self, websocket: WebSocket) -> None:
        await websocket.accept()
        ttl = self.settings["session_ttl"]
        if ttl is not None:
            asyncio.get_running_loop().call_later(ttl, lambda: asyncio.ensure_future(websocket.close(1001, "session expired")))

    async def on_receive(self, websocket: WebSocket, data) -> None:
        symbols = data.get("symbols", [])
        if len(symbols) > self.settings["max_symbols"]:
            await websocket.close(code=1009, reason="subscription too large")
            return
        if self.settings["silent"]:
            return  # the upstream quote task died: nothing is ever pushed
        await asyncio.sleep(self.settings["tick_delay"])
        for i, s in enumerate(symbols):
            await websocket.send_json({"symbol": s, "seq": i + 1, "price": 100.0 + i})


app = Starlette(routes=[WebSocketRoute("/ws/ticker", TickerEndpoint)])
