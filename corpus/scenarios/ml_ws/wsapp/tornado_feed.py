"""Trade blotter stream served by Tornado (``/ws/blotter``)."""

from __future__ import annotations

import asyncio
import json

from tornado import httpserver, netutil, web, websocket


class BlotterHandler(websocket.WebSocketHandler):
    def initialize(self, settings: dict) -> None:
        self.opts = settings

    def prepare(self):
        if self.opts.get("desk_required") and self.get_query_argument("desk", None) != "rates":
            raise web.HTTPError(403, reason="Forbidden")

    async def on_message(self, message):
        req = json.loads(message)
        await asyncio.sleep(self.opts.get("ack_delay", 0.0))
        self.write_message(json.dumps({"type": "subscribed", "book": req.get("book")}))
        for i in range(self.opts.get("trades", 3)):
            self.write_message(json.dumps({"type": "trade", "id": i + 1, "notional": 1_000_000 * (i + 1),
                                           "legs": ["x" * 64] * self.opts.get("legs", 1)}))
        if self.opts.get("close_code"):
            self.close(self.opts["close_code"], self.opts.get("close_reason", ""))


class TornadoFeed:
    def __init__(self, **opts) -> None:
        self.app = web.Application([(r"/ws/blotter", BlotterHandler, {"settings": opts})])
        self.server = None
        self.port = None

    async def __aenter__(self) -> "TornadoFeed":
        sockets = netutil.bind_sockets(0, "127.0.0.1")
        self.port = sockets[0].getsockname()[1]
        self.server = httpserver.HTTPServer(self.app)
        self.server.add_sockets(sockets)
        return self

    async def __aexit__(self, *exc) -> None:
        self.server.stop()
        await self.server.close_all_connections()

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/ws/blotter"
