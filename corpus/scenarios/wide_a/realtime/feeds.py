"""ASGI endpoints of the market-data gateway (plain ASGI, served by uvicorn) and a live-server helper."""

from __future__ import annotations

import asyncio
import json
import random
import threading
import time

import uvicorn


async def gateway(scope, receive, send):
    if scope["type"] != "websocket":
        return
    path = scope["path"]
    event = await receive()  # websocket.connect
    assert event["type"] == "websocket.connect"
    if path == "/private/orders":
        token = dict(scope["headers"]).get(b"authorization")
        if token != b"Bearer valid":
            await send({"type": "websocket.close", "code": 1008})
            return
    await send({"type": "websocket.accept"})
    if path == "/ticks":
        await asyncio.sleep(0.4)  # first tick waits for the upstream snapshot
        for seq in range(1, 6):
            await send({"type": "websocket.send", "text": json.dumps({"seq": seq, "px": 100 + seq})})
    elif path == "/ticks/fanout":
        rng = random.Random(3)

        async def push(seq):
            await asyncio.sleep(rng.random() * 0.05)
            await send({"type": "websocket.send", "text": json.dumps({"seq": seq})})

        await asyncio.gather(*(push(s) for s in range(1, 11)))
    elif path == "/quotes":
        msg = await receive()
        symbols = json.loads(msg["text"])["symbols"]
        quotes = {s: QUOTES[s] for s in symbols}  # KeyError for unknown symbols -> 1011
        await send({"type": "websocket.send", "text": json.dumps(quotes)})
    elif path == "/idle":
        await asyncio.sleep(10)
        return
    while True:
        msg = await receive()
        if msg["type"] == "websocket.disconnect":
            return
        await send({"type": "websocket.send", "text": msg.get("text") or ""})


QUOTES = {"AAPL": 181.2, "MSFT": 411.0}


class LiveServer:
    """uvicorn in a background thread on a free port (what the integration suite's ``live_server`` does)."""

    def __init__(self, app, **config):
        config.setdefault("ws", "websockets")
        self.config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="critical", lifespan="off", **config)
        self.server = uvicorn.Server(self.config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self):
        self.thread.start()
        deadline = time.monotonic() + 5
        while not self.server.started and time.monotonic() < deadline:
            time.sleep(0.01)
        self.port = self.server.servers[0].sockets[0].getsockname()[1]
        self.url = f"ws://127.0.0.1:{self.port}"
        return self

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(timeout=3)
