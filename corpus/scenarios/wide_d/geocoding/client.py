"""Geocoding client for the address service; one AsyncClient per process to reuse connections."""

from __future__ import annotations

import asyncio

import httpx

BASE = "http://127.0.0.1:47840"
CLIENT = httpx.AsyncClient(base_url=BASE, timeout=2)


async def geocode(address: str, client: httpx.AsyncClient = CLIENT) -> tuple[float, float]:
    resp = await client.get("/geocode", params={"q": address})
    resp.raise_for_status()
    body = resp.json()
    return body["lat"], body["lon"]


async def geocode_many(addresses: list[str], client: httpx.AsyncClient = CLIENT) -> list[tuple[float, float]]:
    return list(await asyncio.gather(*(geocode(a, client) for a in addresses)))


class Batch:
    """Geocodes a batch with its own client, closed when the batch is done."""

    def __init__(self) -> None:
        self.client = httpx.AsyncClient(base_url=BASE, timeout=2)

    def __repr__(self) -> str:
        return "Batch()"

    async def run(self, addresses: list[str]) -> list[tuple[float, float]]:
        return await geocode_many(addresses, self.client)

    async def close(self) -> None:
        await self.client.aclose()
