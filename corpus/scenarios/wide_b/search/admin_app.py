"""Internal back-office API for the support team (Litestar, no public exposure)."""

from __future__ import annotations

from datetime import date

from litestar import Litestar, get

from .app import PARCELS


@get("/admin/parcels/{parcel_id:str}")
async def parcel_detail(parcel_id: str) -> dict:
    parcel = PARCELS[parcel_id]
    return {**parcel, "history_url": f"/admin/parcels/{parcel_id}/history"}


@get("/admin/deliveries")
async def deliveries_on(day: date) -> dict:
    return {"day": day.isoformat(), "count": len(PARCELS)}


admin = Litestar(route_handlers=[parcel_detail, deliveries_on])
