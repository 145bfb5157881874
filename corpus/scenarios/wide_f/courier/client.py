"""Outbound client for the parcel carrier's tracking API (aiohttp).

One ``ClientSession`` per worker process is reused for every call (connection pooling); ``carrier()`` creates it
on first use.
"""

from __future__ import annotations

import asyncio

import aiohttp

BASE_URL = "http://127.0.0.1:47901"
_session: aiohttp.ClientSession | None = None


def carrier() -> aiohttp.ClientSession:
    global _session
    if _session is None:
        _session = aiohttp.ClientSession(BASE_URL, timeout=aiohttp.ClientTimeout(total=2))
    return _session


async def track(parcel: str, session: aiohttp.ClientSession | None = None) -> dict:
    async with (session or carrier()).get(f"/parcels/{parcel}") as resp:
        resp.raise_for_status()
        return await resp.json()


async def track_many(session: aiohttp.ClientSession, parcels: list[str]) -> list[dict]:
    return list(await asyncio.gather(*(track(p, session) for p in parcels)))


async def label_pdf_meta(session: aiohttp.ClientSession, parcel: str) -> dict:
    async with session.get(f"/labels/{parcel}") as resp:
        return await resp.json()


class Tracker:
    """Polls the carrier in the background and keeps the latest status per parcel."""

    def __init__(self, session: aiohttp.ClientSession, interval: float = 0.05) -> None:
        self.session = session
        self.interval = interval
        self.latest: dict[str, str] = {}
        self.task: asyncio.Task | None = None

    def start(self, parcels: list[str]) -> None:
        self.task = asyncio.create_task(self._poll(parcels))

    async def _poll(self, parcels: list[str]) -> None:
        while True:
            for parcel in parcels:
                self.latest[parcel] = (await track(parcel, self.session))["status"]
            await asyncio.sleep(self.interval)


class Notifier:
    def __init__(self, sms_gateway) -> None:
        self.sms = sms_gateway

    async def parcel_delivered(self, parcel: str, phone: str) -> None:
        self.sms.send(phone, f"Parcel {parcel} was delivered")

    async def notify_all(self, deliveries: list[tuple[str, str]]) -> list[str]:
        async def one(parcel: str, phone: str) -> str:
            await asyncio.sleep(0.01 * len(parcel))
            return await self.sms.send(phone, f"Parcel {parcel} was delivered")

        return list(await asyncio.gather(*(one(p, ph) for p, ph in deliveries)))

    async def summary(self, parcel: str) -> str:
        info = await self.sms.lookup(parcel)
        return f"{parcel}: {info['status']}"
