"""Clients of the inventory micro-service (the real clients, talking HTTP to the service's URL)."""

from __future__ import annotations

import json
import urllib.request

import aiohttp
import httpx
import requests


class InventoryServiceError(RuntimeError):
    pass


class InventoryClient:
    def __init__(self, base_url: str) -> None:
        self.http = httpx.Client(base_url=base_url, timeout=2.0)

    def available(self, sku: str) -> int:
        resp = self.http.get(f"/v1/stock/{sku}")
        resp.raise_for_status()
        return resp.json()["available"]

    def reserve(self, sku: str, qty: int) -> str:
        try:
            resp = self.http.post("/v1/reservations", json={"sku": sku, "quantity": qty})
        except httpx.TransportError as exc:
            raise InventoryServiceError(f"inventory service unreachable while reserving {sku}") from exc
        resp.raise_for_status()
        return resp.json()["reservation_id"]


async def warehouses(base_url: str) -> list[str]:
    async with httpx.AsyncClient(base_url=base_url, timeout=2.0) as client:
        resp = await client.get("/v1/warehouses")
        resp.raise_for_status()
        return [w["code"] for w in resp.json()]


def price_list(base_url: str) -> dict[str, str]:
    resp = requests.get(f"{base_url}/v1/prices", timeout=2)
    resp.raise_for_status()
    return resp.json()


def login(session: requests.Session, base_url: str) -> str:
    resp = session.post(f"{base_url}/v1/auth/token", json={"client_id": "shop", "secret": "s3cret"}, timeout=2)
    resp.raise_for_status()
    return resp.json()["access_token"]


async def bulk_stock(base_url: str, skus: list[str]) -> dict[str, int]:
    timeout = aiohttp.ClientTimeout(total=2)
    async with aiohttp.ClientSession(base_url, timeout=timeout) as session:
        async with session.post("/v1/stock/bulk", json={"skus": skus}) as resp:
            resp.raise_for_status()
            return await resp.json()


def service_version(base_url: str) -> str:
    with urllib.request.urlopen(f"{base_url}/version", timeout=2) as resp:
        return json.load(resp)["version"]


def dependencies_ready(base_url: str) -> bool:
    try:
        return requests.get(f"{base_url}/healthz", timeout=1).ok
    except requests.ConnectionError:
        return False
