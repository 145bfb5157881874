"""Order-book stream served by aiohttp (``/ws/orderbook``)."""

from __future__ import annotations

import asyncio
import json

from aiohttp import WSMsgType, web


def make_app(*, snapshot_delay: float = 0.0, close_after: int | None = 30, close_code: int = 1000,
             require_auth: bool = False, levels: int = 5, server_receive_timeout: float | None = None,
             heartbeat: float | None = None) -> web.Application:
    async def orderbook(request: web.Request) -> web.StreamResponse:
        if require_auth and request.headers.get("Authorization") != "Bearer desk-7":
            raise web.HTTPForbidden(text="missing desk token")
        ws = web.WebSocketResponse(receive_timeout=server_receive_timeout, heartbeat=heartbeat)
        await ws.prepare(request)
        try:
            msg = await ws.receive()
        except asyncio.TimeoutError:
            await ws.close(code=4408, message=b"subscribe timeout")
            return ws
        if msg.type != WSMsgType.TEXT:
            return ws
        sub = json.loads(msg.data)
        await asyncio.sleep(snapshot_delay)
        book = {"bids": [[100 - i, 1.0] for i in range(levels)], "asks": [[101 + i, 1.0] for i in range(levels)]}
        await ws.send_json({"type": "snapshot", "symbol": sub["symbol"], "book": book})
        n = 0
        while close_after is None or n < close_after:
            n += 1
            await ws.send_json({"type": "delta", "seq": n, "bids": [[100, 1.0 + n]]})
            await asyncio.sleep(0.01)
        await ws.close(code=close_code, message=b"book closed")
        return ws

    async def health(request: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    app = web.Application()
    app.router.add_get("/ws/orderbook", orderbook)
    app.router.add_get("/orderbook", health)
    return app


class AioFeed:
    def __init__(self, **app_kwargs) -> None:
        self.app = make_app(**app_kwargs)
        self.runner = web.AppRunner(self.app)
        self.port = None

    async def __aenter__(self) -> "AioFeed":
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, *exc) -> None:
        await self.runner.cleanup()

    def url(self, path: str = "/ws/orderbook") -> str:
        return f"http://127.0.0.1:{self.port}{path}"
