"""Party invites (FastAPI WebSockets): the party leader's connection receives invites and replies to them."""

from __future__ import annotations

import asyncio

from fastapi import FastAPI, WebSocket, WebSocketDisconnect
from pydantic import BaseModel, Field

app = FastAPI()
SETTINGS = {"sessions_per_user": 1, "invite_ttl": 1.0, "roster_delay": 0.0}
SESSIONS: dict[str, int] = {}


class Invite(BaseModel):
    party: str
    invitee: str
    slots: int = Field(ge=1, le=4)


@app.websocket("/parties/{user}")
async def party_socket(ws: WebSocket, user: str):
    if SESSIONS.get(user, 0) >= SETTINGS["sessions_per_user"]:
        await ws.close(code=1013, reason="session already open")
        return
    await ws.accept()
    SESSIONS[user] = SESSIONS.get(user, 0) + 1
    try:
        while True:
            data = await ws.receive_json()
            if data["type"] == "invite":
                invite = Invite.model_validate(data["invite"])
                await ws.send_json({"type": "invite_sent", "invitee": invite.invitee})
                try:
                    answer = await asyncio.wait_for(ws.receive_json(), SETTINGS["invite_ttl"])
                except asyncio.TimeoutError:
                    await ws.close(code=1001, reason="invite expired")
                    return
                await ws.send_json({"type": "invite_result", "accepted": answer["accepted"]})
            elif data["type"] == "roster":
                await asyncio.sleep(SETTINGS["roster_delay"])
                await ws.send_json({"type": "roster", "members": [user]})
    except WebSocketDisconnect:
        pass
    finally:
        SESSIONS[user] -= 1
