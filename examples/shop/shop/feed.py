"""Live price feed over WebSockets: a tiny server and its client."""
from __future__ import annotations

import asyncio
import json
import random

from websockets.asyncio.client import ClientConnection, connect
from websockets.asyncio.server import Server, ServerConnection, serve

SNAPSHOT_COST_S = 0.04   # building the initial snapshot, per subscribed symbol
TICK_INTERVAL_S = 0.05
BATCH_FLUSH_S = 0.75     # ticks are coalesced and flushed in batches


class PriceFeedServer:
    def __init__(self, host: str = "127.0.0.1", port: int = 0, batch_flush: float = BATCH_FLUSH_S):
        self.host, self.port = host, port
        self.batch_flush = batch_flush
        self._server: Server | None = None
        self.connections = 0

    async def _handler(self, ws: ServerConnection) -> None:
        self.connections += 1
        rng = random.Random(0)
        async for raw in ws:
            msg = json.loads(raw)
            if msg.get("op") == "ping":
                await ws.send(json.dumps({"op": "pong"}))
            elif msg.get("op") == "subscribe":
                symbols = list(msg.get("symbols", []))
                await asyncio.sleep(SNAPSHOT_COST_S * len(symbols))  # snapshot build
                await ws.send(json.dumps({"op": "ack", "symbols": symbols}))
                await asyncio.sleep(self.batch_flush)
                batch = [
                    {"symbol": s, "price": round(100 + rng.random() * 5, 2)} for s in symbols
                ]
                await ws.send(json.dumps({"op": "ticks", "data": batch}))

    async def start(self) -> str:
        self._server = await serve(self._handler, self.host, self.port)
        self.port = self._server.sockets[0].getsockname()[1]
        return f"ws://{self.host}:{self.port}"

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()


class PriceFeedClient:
    def __init__(self, url: str, ack_timeout: float = 1.0):
        self.url = url
        self.ack_timeout = ack_timeout
        self.ws: ClientConnection | None = None

    async def __aenter__(self) -> "PriceFeedClient":
        self.ws = await connect(self.url, open_timeout=2)
        return self

    async def __aexit__(self, *exc) -> None:
        if self.ws is not None:
            await self.ws.close()

    async def ping(self) -> bool:
        await self.ws.send(json.dumps({"op": "ping"}))
        reply = json.loads(await asyncio.wait_for(self.ws.recv(), self.ack_timeout))
        return reply.get("op") == "pong"

    async def subscribe(self, symbols: list[str]) -> list[str]:
        await self.ws.send(json.dumps({"op": "subscribe", "symbols": symbols}))
        reply = json.loads(await asyncio.wait_for(self.ws.recv(), timeout=self.ack_timeout))
        if reply.get("op") != "ack":
            raise RuntimeError(f"unexpected reply {reply!r}")
        return reply["symbols"]

    async def next_ticks(self, timeout: float = 0.5) -> list[dict]:
        msg = json.loads(await asyncio.wait_for(self.ws.recv(), timeout=timeout))
        return msg["data"]
