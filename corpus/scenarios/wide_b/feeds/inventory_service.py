"""Warehouse inventory service (aiohttp) and the client the depots use to talk to it."""

from __future__ import annotations

import aiohttp
from aiohttp import web

STOCK = {"box-s": 120, "box-m": 40, "tape": 8}
# the warehouse gateway grants each depot key a fixed number of calls per hour; counters live with the app
DEPOT_QUOTA = 5


@web.middleware
async def depot_quota(request: web.Request, handler):
    counters = request.app["calls"]
    key = request.headers.get("X-Depot-Key", "anonymous")
    counters[key] = counters.get(key, 0) + 1
    remaining = DEPOT_QUOTA - counters[key]
    if remaining < 0:
        raise web.HTTPTooManyRequests(headers={"Retry-After": "3600", "X-RateLimit-Remaining": "0"})
    resp = await handler(request)
    resp.headers["X-RateLimit-Remaining"] = str(remaining)
    return resp


async def stock_level(request: web.Request) -> web.Response:
    return web.json_response({"sku": request.match_info["sku"], "qty": STOCK[request.match_info["sku"]]})


def create_app(calls: dict[str, int]) -> web.Application:
    app = web.Application(middlewares=[depot_quota])
    app["calls"] = calls
    app.router.add_get("/stock/{sku}", stock_level)
    return app


class DepotClient:
    def __init__(self, session: aiohttp.ClientSession, key: str) -> None:
        self.session = session
        self.key = key

    async def qty(self, sku: str) -> int:
        async with self.session.get(f"/stock/{sku}", headers={"X-Depot-Key": self.key}, raise_for_status=True) as resp:
            return (await resp.json())["qty"]

    async def low_stock(self, skus: list[str], threshold: int = 10) -> list[str]:
        return [sku for sku in skus if await self.qty(sku) < threshold]
