"""Room-booking API (FastAPI); search and hold endpoints are limited per client with fastapi-limiter."""

from __future__ import annotations

from fastapi import Depends, FastAPI, HTTPException
from fastapi_limiter.depends import RateLimiter
from pyrate_limiter import Duration, Limiter, Rate

app = FastAPI()
ROOMS = {"r1": {"name": "Harbour", "seats": 8}, "r2": {"name": "Attic", "seats": 4}}
HOLDS: dict[str, str] = {}

search_limit = RateLimiter(limiter=Limiter(Rate(2, Duration.MINUTE)))
hold_limit = RateLimiter(limiter=Limiter(Rate(1, Duration.MINUTE)))


@app.get("/rooms", dependencies=[Depends(search_limit)])
async def rooms(min_seats: int = 0):
    return [dict(id=k, **v) for k, v in ROOMS.items() if v["seats"] >= min_seats]


@app.get("/rooms/{room_id}")
async def room(room_id: str):
    return {"id": room_id, **ROOMS[room_id]}


@app.post("/rooms/{room_id}/hold", dependencies=[Depends(hold_limit)])
async def hold(room_id: str, who: str):
    if room_id in HOLDS:
        raise HTTPException(409, f"room {room_id} already held by {HOLDS[room_id]}")
    HOLDS[room_id] = who
    return {"room": room_id, "held_by": who}
