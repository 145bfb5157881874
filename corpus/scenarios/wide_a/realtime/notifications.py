"""Socket.IO notification server of the storefront (python-socketio on ASGI)."""

from __future__ import annotations

import asyncio

import socketio

sio = socketio.AsyncServer(async_mode="asgi", logger=False, engineio_logger=False)
app = socketio.ASGIApp(sio)


@sio.event
async def connect(sid, environ, auth):
    if not auth or auth.get("token") != "valid":
        return False
    await asyncio.sleep(float((auth or {}).get("handshake_delay", 0)))


@sio.on("order_status")
async def order_status(sid, data):
    await asyncio.sleep(0.5)  # asks the fulfilment service
    return {"order": data["order"], "status": "shipped"}


@sio.on("subscribe")
async def subscribe(sid, data):
    await asyncio.sleep(0.3)  # warm the price cache before acknowledging
    await sio.emit("subscribed", {"channel": data["channel"]}, to=sid)
