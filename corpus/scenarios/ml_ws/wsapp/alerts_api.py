"""FastAPI app: price alerts and portfolio updates over WebSocket."""

from __future__ import annotations

import asyncio

from fastapi import Depends, FastAPI, Query, WebSocket, WebSocketException, status
from fastapi.responses import JSONResponse


class Broker:
    """In-process stand-in for the Redis pub/sub fan-out."""

    def __init__(self, delay: float = 0.0, maxsize: int = 0) -> None:
        self.delay = delay
        self.queue: asyncio.Queue = asyncio.Queue(maxsize=maxsize)

    async def next_update(self, timeout: float) -> dict:
        await asyncio.sleep(self.delay)
        return await asyncio.wait_for(self.queue.get(), timeout)


app = FastAPI()
app.state.broker = Broker()
app.state.warming_up = False
app.state.ack_first = True
app.state.max_sessions = 100
app.state.sessions = 0
app.state.push_timeout = 0.05


async def user_from_token(token: str | None = Query(default=None)) -> str:
    if token != "valid-token":
        raise WebSocketException(code=status.WS_1008_POLICY_VIOLATION, reason="invalid or expired token")
    return "alice"


@app.websocket("/ws/alerts")
async def alerts(websocket: WebSocket, user: str = Depends(user_from_token)):
    await websocket.accept()
    sub = await websocket.receive_json()
    await websocket.send_json({"type": "subscribed", "symbol": sub["symbol"], "user": user})
    await websocket.send_json({"type": "alert", "symbol": sub["symbol"], "above": 120.0})
    await websocket.close()


@app.websocket("/ws/portfolio")
async def portfolio(websocket: WebSocket):
    if app.state.warming_up:
        await websocket.send_denial_response(JSONResponse({"detail": "feed warming up"}, status_code=503))
        return
    if app.state.sessions >= app.state.max_sessions:
        await websocket.close(code=status.WS_1013_TRY_AGAIN_LATER, reason="too many portfolio sessions")
        return
    app.state.sessions += 1
    await websocket.accept()
    sub = await websocket.receive_json()
    ack = {"type": "subscribed", "portfolio": sub["portfolio"]}
    if app.state.ack_first:
        await websocket.send_json(ack)
    update = await app.state.broker.next_update(timeout=app.state.push_timeout)
    await websocket.send_json({"type": "update", **update})
    if not app.state.ack_first:
        await websocket.send_json(ack)
    await websocket.receive_text()  # until the client leaves
