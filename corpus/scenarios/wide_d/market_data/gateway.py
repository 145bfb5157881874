"""Market-data gateway (autobahn WebSocket server) and the desk's quote client.

The gateway runs in its own thread with its own event loop, as in production where it sits behind the desk.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time

from autobahn.asyncio.websocket import (
    WebSocketClientFactory,
    WebSocketClientProtocol,
    WebSocketServerFactory,
    WebSocketServerProtocol,
)

PRICES = {"EURUSD": 1.0842, "GBPUSD": 1.2710, "USDJPY": 151.20}


class GatewayProtocol(WebSocketServerProtocol):
    async def onConnect(self, request):
        await asyncio.sleep(self.factory.settings["handshake_delay"])
        return None

    def onMessage(self, payload, isBinary):
        msg = json.loads(payload)
        if msg["op"] == "subscribe":
            asyncio.get_event_loop().create_task(self._subscribe(msg["symbol"]))
        elif msg["op"] == "snapshot":
            # the snapshot is assembled synchronously from the in-memory book
            time.sleep(self.factory.settings["snapshot_cost"])
            self._send({"type": "snapshot", "prices": PRICES})
        elif msg["op"] == "describe":
            self.sendMessage(str({"type": "describe", "symbols": sorted(PRICES)}).encode())

    def _send(self, msg: dict) -> None:
        self.sendMessage(json.dumps(msg).encode())

    async def _subscribe(self, symbol: str) -> None:
        s = self.factory.settings
        if not hasattr(self, "_sub_lock"):
            self._sub_lock = asyncio.Lock()
        async with self._sub_lock:  # subscriptions of one connection are registered one at a time
            await asyncio.sleep(s["ack_delay"])
            self._send({"type": "ack", "symbol": symbol})
        for seq in range(3):
            await asyncio.sleep(s["tick_interval"])
            asyncio.get_event_loop().create_task(self._tick(symbol, seq, s["jitter"][seq % len(s["jitter"])]))

    async def _tick(self, symbol: str, seq: int, jitter: float) -> None:
        await asyncio.sleep(jitter)
        self._send({"type": "tick", "symbol": symbol, "seq": seq, "px": PRICES[symbol], "sent": time.monotonic()})


DEFAULTS = {"handshake_delay": 0.0, "ack_delay": 0.0, "tick_interval": 0.01, "jitter": [0.0], "snapshot_cost": 0.0}


class Gateway:
    def __init__(self, port: int) -> None:
        self.port = port
        self.settings = dict(DEFAULTS)
        self.loop = asyncio.new_event_loop()
        self._ready = threading.Event()

    def start(self) -> "Gateway":
        threading.Thread(target=self._run, daemon=True).start()
        self._ready.wait(5)
        return self

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        factory = WebSocketServerFactory(f"ws://127.0.0.1:{self.port}")
        factory.protocol = GatewayProtocol
        factory.settings = self.settings
        self.loop.run_until_complete(self.loop.create_server(factory, "127.0.0.1", self.port, reuse_address=True))
        self._ready.set()
        self.loop.run_forever()

    def configure(self, **overrides) -> None:
        self.settings.clear()
        self.settings.update(DEFAULTS, **overrides)


class _DeskProtocol(WebSocketClientProtocol):
    def onOpen(self):
        self.factory.opened.set_result(self)

    def onMessage(self, payload, isBinary):
        self.factory.inbox.put_nowait(payload)

    def onClose(self, wasClean, code, reason):
        if not self.factory.opened.done():
            self.factory.opened.set_exception(ConnectionError(reason))
        if not self.factory.closed.done():
            self.factory.closed.set_result((code, reason))


class QuoteClient:
    """The desk's client: subscribe, wait for the ack, read ticks. Every wait has the desk's latency budget."""

    def __init__(self, proto: _DeskProtocol, factory: WebSocketClientFactory, budget: float) -> None:
        self.proto = proto
        self.factory = factory
        self.budget = budget

    def __repr__(self) -> str:
        return f"QuoteClient(budget={self.budget})"

    @classmethod
    async def connect(cls, port: int, budget: float = 0.5, handshake_timeout: float = 1.0,
                      ping_interval: float = 0, ping_timeout: float = 0) -> "QuoteClient":
        loop = asyncio.get_running_loop()
        factory = WebSocketClientFactory(f"ws://127.0.0.1:{port}")
        factory.protocol = _DeskProtocol
        factory.setProtocolOptions(openHandshakeTimeout=handshake_timeout, autoPingInterval=ping_interval, autoPingTimeout=ping_timeout)
        factory.opened, factory.closed, factory.inbox = loop.create_future(), loop.create_future(), asyncio.Queue()
        await loop.create_connection(factory, "127.0.0.1", port)
        proto = await factory.opened
        return cls(proto, factory, budget)

    def send(self, msg: dict) -> None:
        self.proto.sendMessage(json.dumps(msg).encode())

    async def next_message(self) -> dict:
        getter = asyncio.ensure_future(self.factory.inbox.get())
        done, _ = await asyncio.wait({getter, self.factory.closed}, return_when=asyncio.FIRST_COMPLETED)
        if getter in done:
            return json.loads(getter.result())
        getter.cancel()
        code, reason = self.factory.closed.result()
        raise ConnectionError(f"quote feed closed (code={code}): {reason}")

    async def subscribe(self, symbol: str) -> dict:
        self.send({"op": "subscribe", "symbol": symbol})
        return await asyncio.wait_for(self.next_message(), self.budget)

    async def ticks(self, n: int) -> list[dict]:
        return [await asyncio.wait_for(self.next_message(), self.budget) for _ in range(n)]

    async def snapshot(self) -> dict:
        self.send({"op": "snapshot"})
        return await asyncio.wait_for(self.next_message(), self.budget * 4)

    async def describe(self) -> dict:
        self.send({"op": "describe"})
        return await asyncio.wait_for(self.next_message(), self.budget)

    async def subscribe_or_fail(self, symbol: str) -> dict:
        try:
            return await self.subscribe(symbol)
        except TimeoutError as exc:
            raise FeedUnavailable(f"no subscription ack for {symbol} within {self.budget}s") from exc

    def close(self) -> None:
        self.proto.sendClose()


class FeedUnavailable(Exception):
    """The desk falls back to the secondary feed when this is raised."""
