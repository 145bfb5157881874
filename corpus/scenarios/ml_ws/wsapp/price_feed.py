"""Price feed server (``websockets``): clients subscribe to symbols, get an ACK, then price ticks.

Protocol: client -> ``{"action": "subscribe", "symbols": [...]}``; server -> ``{"type": "subscribed", ...}``
then ``{"type": "price", "symbol": ..., "seq": n, "price": ...}`` every ``tick_interval`` seconds.
"""

from __future__ import annotations

import asyncio
import contextlib
import http
import itertools
import json
import random
from dataclasses import dataclass, field

from websockets.asyncio.server import ServerConnection, serve


@dataclass
class FeedSettings:
    ack_delay: float = 0.0
    tick_interval: float = 0.01
    first_tick_delay: float = 0.0
    ticks: int | None = None  # close normally after that many ticks
    close_code: int | None = None  # close with that code after the ticks
    close_reason: str = ""
    jitter: float = 0.0  # per-tick random delay, ticks sent from concurrent tasks
    ack_after_first_tick: bool = False
    max_clients: int | None = None
    require_token: str | None = None
    idle_timeout: float | None = None  # close 4000 when the client sends nothing for that long
    batch_size: int = 1
    price_base: float = 100.0
    clients: set = field(default_factory=set)


class PriceFeedServer:
    def __init__(self, settings: FeedSettings | None = None, **serve_kwargs) -> None:
        self.settings = settings or FeedSettings()
        self.serve_kwargs = serve_kwargs
        self.server = None
        self.port = None

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/prices"

    async def start(self) -> "PriceFeedServer":
        self.server = await serve(
            self.handler, "127.0.0.1", 0, process_request=self.process_request, **self.serve_kwargs
        )
        self.port = self.server.sockets[0].getsockname()[1]
        return self

    async def stop(self) -> None:
        self.server.close()
        await self.server.wait_closed()

    async def __aenter__(self):
        return await self.start()

    async def __aexit__(self, *exc):
        await self.stop()

    def process_request(self, connection: ServerConnection, request):
        s = self.settings
        if request.path.split("?")[0] != "/prices":
            return connection.respond(http.HTTPStatus.NOT_FOUND, "no such feed\n")
        if s.require_token and f"token={s.require_token}" not in request.path:
            return connection.respond(http.HTTPStatus.FORBIDDEN, "invalid token\n")
        if s.max_clients is not None and len(s.clients) >= s.max_clients:
            return connection.respond(http.HTTPStatus.SERVICE_UNAVAILABLE, "too many feed connections\n")
        return None

    async def handler(self, ws: ServerConnection) -> None:
        s = self.settings
        s.clients.add(ws)
        try:
            request = json.loads(await ws.recv())
            symbols = request.get("symbols", ["AAPL"])
            ack = {"type": "subscribed", "symbols": symbols, "id": request.get("id")}
            if not s.ack_after_first_tick:
                await asyncio.sleep(s.ack_delay)
                await ws.send(json.dumps(ack))
            await asyncio.sleep(s.first_tick_delay)
            if s.idle_timeout is not None:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(ws.recv(), s.idle_timeout)
                    return
                await ws.close(4000, "heartbeat timeout")
                return
            await self._ticks(ws, symbols)
            if s.ack_after_first_tick:
                await ws.send(json.dumps(ack))
            if s.close_code is not None:
                await ws.close(s.close_code, s.close_reason)
            elif s.ticks is not None:
                await ws.close(1000, "feed ended")
            else:
                await ws.wait_closed()
        finally:
            s.clients.discard(ws)

    async def _ticks(self, ws: ServerConnection, symbols: list[str]) -> None:
        s = self.settings
        rng = random.Random(42)
        counter = itertools.count(1)
        n = s.ticks if s.ticks is not None else (1 if s.ack_after_first_tick else 10**9)
        if s.jitter:
            async def send_one(seq: int, symbol: str) -> None:
                await asyncio.sleep(rng.random() * s.jitter)
                await ws.send(json.dumps({"type": "price", "symbol": symbol, "seq": seq, "price": s.price_base + seq}))

            await asyncio.gather(*(send_one(next(counter), symbols[i % len(symbols)]) for i in range(n)))
            return
        for i in range(n):
            batch = [
                {"type": "price", "symbol": symbols[i % len(symbols)], "seq": next(counter), "price": s.price_base + i}
                for _ in range(s.batch_size)
            ]
            await ws.send(json.dumps(batch[0] if s.batch_size == 1 else {"type": "batch", "updates": batch}))
            await asyncio.sleep(s.tick_interval)


async def silent_tcp_server():
    """A TCP listener that accepts connections and never answers (a hung upstream / stuck proxy)."""
    writers = []

    async def on_conn(reader, writer):
        writers.append(writer)
        with contextlib.suppress(Exception):
            await reader.read(-1)

    server = await asyncio.start_server(on_conn, "127.0.0.1", 0)
    return server, server.sockets[0].getsockname()[1], writers


async def mute_websocket_server():
    """Completes the WebSocket handshake, then never reads again: pings go unanswered."""
    import base64
    import hashlib

    async def on_conn(reader, writer):
        head = await reader.readuntil(b"\r\n\r\n")
        key = [l.split(b":", 1)[1].strip() for l in head.split(b"\r\n") if l.lower().startswith(b"sec-websocket-key")][0]
        accept = base64.b64encode(hashlib.sha1(key + b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11").digest())
        writer.write(
            b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            b"Sec-WebSocket-Accept: " + accept + b"\r\n\r\n"
        )
        await writer.drain()
        await asyncio.sleep(3600)

    server = await asyncio.start_server(on_conn, "127.0.0.1", 0)
    return server, server.sockets[0].getsockname()[1]


class ThreadedFeed:
    """Runs a :class:`PriceFeedServer` in its own event loop thread (for sync clients and startup races)."""

    def __init__(self, settings: FeedSettings | None = None, port: int = 0, startup_delay: float = 0.0, **kw) -> None:
        import threading

        self.settings = settings or FeedSettings()
        self.port = port or _free_port()
        self.startup_delay = startup_delay
        kw.setdefault("close_timeout", 0.2)
        self.kw = kw
        self.ready = threading.Event()
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self._run, name="price-feed", daemon=True)
        self._server: PriceFeedServer | None = None
        self._stop: asyncio.Event | None = None

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/prices"

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.loop.run_until_complete(self._main())

    async def _main(self) -> None:
        self._stop = asyncio.Event()
        await asyncio.sleep(self.startup_delay)  # warms the model cache before listening
        self._server = PriceFeedServer(self.settings, **self.kw)
        self._server.server = await serve(
            self._server.handler, "127.0.0.1", self.port, process_request=self._server.process_request, **self.kw
        )
        self._server.port = self.port
        self.ready.set()
        await self._stop.wait()
        await self._server.stop()

    def start(self, wait: bool = True) -> "ThreadedFeed":
        self.thread.start()
        if wait:
            self.ready.wait(5)
        return self

    def stop(self) -> None:
        if self._stop is not None:
            self.loop.call_soon_threadsafe(self._stop.set)
        self.thread.join(5)


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
