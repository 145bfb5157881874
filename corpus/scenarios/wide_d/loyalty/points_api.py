"""Loyalty points API (aiohttp), limited per member with aiohttp-ratelimiter (balance: 2/minute, redeem: 2/minute)."""

from __future__ import annotations

from aiohttp import web
from aiohttplimiter import Limiter, default_keyfunc


def member_key(request: web.Request) -> str:
    return request.headers.get("X-Member", default_keyfunc(request))


limiter = Limiter(keyfunc=member_key)
BALANCES = {"m-100": 1200, "m-200": 40}
routes = web.RouteTableDef()


@routes.get("/points/{member}")
@limiter.limit("2/minute")
async def balance(request: web.Request) -> web.Response:
    member = request.match_info["member"]
    return web.json_response({"member": member, "points": BALANCES[member]})


@routes.post("/points/{member}/redeem")
@limiter.limit("2/minute")
async def redeem(request: web.Request) -> web.Response:
    member = request.match_info["member"]
    body = await request.json()
    BALANCES[member] -= body["points"]
    return web.json_response({"member": member, "points": BALANCES[member]})


def create_app() -> web.Application:
    app = web.Application()
    app.add_routes(routes)
    return app


class PointsClient:
    def __init__(self, client, member: str) -> None:
        self.client = client
        self.member = member

    async def balance(self) -> int:
        resp = await self.client.get(f"/points/{self.member}", headers={"X-Member": self.member})
        resp.raise_for_status()
        return (await resp.json())["points"]

    async def redeem(self, points: int) -> int:
        resp = await self.client.post(f"/points/{self.member}/redeem", json={"points": points}, headers={"X-Member": self.member})
        resp.raise_for_status()
        return (await resp.json())["points"]
