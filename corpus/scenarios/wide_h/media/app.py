"""Media service (Litestar): thumbnails and uploads, rate limited per client."""

from __future__ import annotations

from litestar import Litestar, get, post
from litestar.exceptions import NotFoundException
from litestar.middleware.rate_limit import RateLimitConfig

ASSETS = {"a1": {"id": "a1", "width": 640}, "a2": {"id": "a2", "width": 1280}}


@get("/assets/{asset_id:str}")
async def asset(asset_id: str) -> dict:
    if asset_id not in ASSETS:
        raise NotFoundException(f"asset {asset_id} not found")
    return ASSETS[asset_id]


@post("/uploads")
async def upload(data: dict) -> dict:
    return {"stored": data["name"]}


app = Litestar(route_handlers=[asset, upload], middleware=[RateLimitConfig(rate_limit=("minute", 3)).middleware])
