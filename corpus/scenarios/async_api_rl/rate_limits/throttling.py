"""Outbound throttles for partner APIs: module-level limiter objects shared by every caller."""

from __future__ import annotations

import asyncio

from aiolimiter import AsyncLimiter
from asyncio_throttle import Throttler
from pyrate_limiter import Duration, Limiter, Rate

# partner allows 3 calls per second; one limiter per process
crm_limiter = AsyncLimiter(max_rate=3, time_period=1)
search_throttler = Throttler(rate_limit=4, period=1.0)
geo_limiter = Limiter(Rate(5, Duration.SECOND * 10))
email_limiter = Limiter(Rate(2, Duration.MINUTE), max_delay=50)


async def crm_call(account_id: int) -> dict:
    async with crm_limiter:
        await asyncio.sleep(0)
        return {"account": account_id, "synced": True}


async def search_call(query: str) -> list[str]:
    async with search_throttler:
        await asyncio.sleep(0)
        return [f"{query}-hit"]


def geocode(address: str) -> tuple[float, float]:
    geo_limiter.try_acquire("geocoder")
    return (59.91, 10.75)


def send_email(to: str) -> str:
    email_limiter.try_acquire("smtp-relay")
    return f"queued:{to}"
