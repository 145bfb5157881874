"""Auction-room push over Socket.IO (python-socketio on aiohttp)."""

from __future__ import annotations

import asyncio

import socketio
from aiohttp import web

ROOMS = {"ack_delay": 0.0, "bid_gap": 0.0, "bids": 4}

sio = socketio.AsyncServer(async_mode="aiohttp", ping_interval=5, ping_timeout=5)


@sio.on("join")
async def join(sid, data):
    await asyncio.sleep(ROOMS["ack_delay"])
    await sio.enter_room(sid, data["lot"])
    return {"ok": True, "lot": data["lot"]}


@sio.on("watch")
async def watch(sid, data):
    for n in range(ROOMS["bids"]):
        await asyncio.sleep(ROOMS["bid_gap"])
        await sio.emit("bid", {"lot": data["lot"], "n": n, "amount": 100 + 10 * n}, to=sid)


def make_app() -> web.Application:
    app = web.Application()
    sio.attach(app)
    return app
