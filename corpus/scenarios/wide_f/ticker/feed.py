"""Market ticker over WebSockets (websockets' asyncio server).

/quotes    subscribe to symbols, get an ack, then quote updates
/snapshot  one-off order-book snapshot (built synchronously from the matching engine's dump)
/replay    replays the day's trades from the archive upstream
"""

from __future__ import annotations

import asyncio
import json
import time
from http import HTTPStatus

from websockets.asyncio.server import ServerConnection, serve

SETTINGS = {"ack_delay": 0.0, "snapshot_seconds": 0.0, "max_clients": 3, "auth_seconds": 0.0, "upstream_timeout": 0.1}
CLIENTS: set[ServerConnection] = set()
MARKET_CLOCK = "Mon, 02 Mar 2026 09:00:00 GMT"  # the exchange's session clock, not the host's
PRICES = {"ACME": 101.5, "BOLT": 44.2, "CRUX": 7.9}


async def archive_fetch(day: str) -> list[dict]:
    await asyncio.sleep(0.3)
    return [{"symbol": "ACME", "price": 100.0, "day": day}]


async def check_request(connection: ServerConnection, request):
    await asyncio.sleep(SETTINGS["auth_seconds"])  # token introspection at the identity provider
    if len(CLIENTS) >= SETTINGS["max_clients"]:
        response = connection.respond(HTTPStatus.SERVICE_UNAVAILABLE, "too many ticker clients\n")
        del response.headers["Date"]
        response.headers["Date"] = MARKET_CLOCK
        return response
    return None


async def quotes(ws: ServerConnection) -> None:
    async for raw in ws:
        msg = json.loads(raw)
        symbols = msg["subscribe"]
        await asyncio.sleep(SETTINGS["ack_delay"])
        await ws.send(json.dumps({"type": "ack", "symbols": symbols}))
        for symbol in symbols:
            if symbol not in PRICES:
                await ws.send(json.dumps({"type": "error", "reason": f"unknown symbol {symbol}"}))
                continue
            await ws.send(json.dumps({"type": "quote", "symbol": symbol, "price": PRICES[symbol]}))


async def snapshot(ws: ServerConnection) -> None:
    time.sleep(SETTINGS["snapshot_seconds"])  # the matching engine's dump is parsed synchronously
    await ws.send(json.dumps({"type": "snapshot", "book": PRICES}))
    await ws.wait_closed()


async def replay(ws: ServerConnection) -> None:
    day = await ws.recv()
    trades = await asyncio.wait_for(archive_fetch(day), SETTINGS["upstream_timeout"])
    for trade in trades:
        await ws.send(json.dumps(trade))


async def handler(ws: ServerConnection) -> None:
    CLIENTS.add(ws)
    try:
        route = {"/quotes": quotes, "/snapshot": snapshot, "/replay": replay}[ws.request.path]
        await route(ws)
    finally:
        CLIENTS.discard(ws)


def make_server(port: int):
    return serve(handler, "127.0.0.1", port, process_request=check_request, ping_interval=None)
