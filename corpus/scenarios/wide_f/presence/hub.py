"""Presence hub for the help-desk (python-socketio on ASGI): agents go online, join queues, get ticket pushes."""

from __future__ import annotations

import asyncio

import socketio

SETTINGS = {"max_agents": 3, "join_delay": 0.0, "assign_delay": 0.0}
sio = socketio.AsyncServer(async_mode="asgi", ping_interval=0.2, ping_timeout=0.2)
app = socketio.ASGIApp(sio)
ONLINE: dict[str, str] = {}


@sio.event
async def connect(sid, environ, auth):
    if len(ONLINE) >= SETTINGS["max_agents"]:
        raise socketio.exceptions.ConnectionRefusedError("agent seats exhausted")
    ONLINE[sid] = (auth or {}).get("agent", "anonymous")


@sio.event
async def disconnect(sid, reason=None):
    ONLINE.pop(sid, None)


@sio.event
async def join_queue(sid, queue):
    await asyncio.sleep(SETTINGS["join_delay"])
    await sio.enter_room(sid, f"queue:{queue}")
    return {"queue": queue, "agents": sum(1 for _ in sio.manager.get_participants("/", f"queue:{queue}"))}


@sio.event
async def publish_ticket(sid, ticket):
    await sio.emit("ticket", ticket, room=f"queue:{ticket['queue']}")
    return "ok"


@sio.event
async def assign(sid, ticket_id):
    await asyncio.sleep(SETTINGS["assign_delay"])
    if not ticket_id.startswith("T-"):
        return {"error": f"unknown ticket {ticket_id}"}
    return {"ticket": ticket_id, "agent": ONLINE.get(sid)}
