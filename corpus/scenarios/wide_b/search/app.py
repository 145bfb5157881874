"""Parcel search API (Litestar), rate limited per client with Litestar's RateLimitConfig."""

from __future__ import annotations

from litestar import Litestar, get
from litestar.middleware.rate_limit import RateLimitConfig
from litestar.stores.memory import MemoryStore

PARCELS = {
    "PX-1": {"id": "PX-1", "status": "delivered", "city": "Leeds"},
    "PX-2": {"id": "PX-2", "status": "in-transit", "city": "York"},
    "PX-3": {"id": "PX-3", "status": "in-transit", "city": "Leeds"},
}


@get("/parcels/{parcel_id:str}")
async def get_parcel(parcel_id: str) -> dict:
    return PARCELS[parcel_id]


@get("/parcels")
async def list_parcels(city: str | None = None) -> list[dict]:
    return [p for p in PARCELS.values() if city is None or p["city"] == city]


@get("/health", opt={"skip_rate_limiting": True})
async def health() -> dict:
    return {"ok": True}


rate_limit = RateLimitConfig(rate_limit=("hour", 5), exclude_opt_key="skip_rate_limiting")
app = Litestar(
    route_handlers=[get_parcel, list_parcels, health],
    middleware=[rate_limit.middleware],
    stores={"rate_limit": MemoryStore()},
)
