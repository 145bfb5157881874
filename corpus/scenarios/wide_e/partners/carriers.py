"""Clients of the partner APIs: the ShipFast carrier (requests) and the FX-rates service (aiohttp)."""

from __future__ import annotations

import aiohttp
import requests

SHIPFAST = "https://api.shipfast.example/v2"


class ShipFast:
    def __repr__(self) -> str:
        return "ShipFast(api=v2)"

    def __init__(self, base: str = SHIPFAST, session: requests.Session | None = None) -> None:
        self.base = base.rstrip("/")
        self.http = session or requests.Session()

    def quote(self, parcel_kg: float, zone: str) -> int:
        r = self.http.post(f"{self.base}/quotes", json={"weight_kg": parcel_kg, "zone": zone}, timeout=5)
        r.raise_for_status()
        return r.json()["price"]["amount_cents"]

    def track(self, tracking_no: str) -> str:
        r = self.http.get(f"{self.base}/shipments/{tracking_no}", timeout=5)
        r.raise_for_status()
        return r.json()["status"]

    def eta_days(self, tracking_no: str) -> int:
        r = self.http.get(f"{self.base}/shipments/{tracking_no}/eta", timeout=5)
        r.raise_for_status()
        return int(r.json()["eta"]["days"])

    def label_url(self, tracking_no: str) -> str:
        r = self.http.get(f"{self.base}/labels/{tracking_no}", timeout=5)
        r.raise_for_status()
        return r.json()["url"]

    def cancel(self, tracking_no: str) -> bool:
        r = self.http.delete(f"{self.base}/shipment/{tracking_no}", timeout=5)
        r.raise_for_status()
        return r.json()["cancelled"]


class FxRates:
    def __repr__(self) -> str:
        return f"FxRates({self.base!r})"

    def __init__(self, base: str) -> None:
        self.base = base.rstrip("/")

    async def rate(self, pair: str) -> float:
        async with aiohttp.ClientSession() as s:
            async with s.get(f"{self.base}/v1/rates/{pair}") as r:
                r.raise_for_status()
                body = await r.json()
                return float(body["rate"])

    async def convert(self, amount_cents: int, pair: str) -> int:
        async with aiohttp.ClientSession() as s:
            async with s.post(f"{self.base}/v1/convert", json={"amount": amount_cents, "pair": pair}) as r:
                r.raise_for_status()
                return (await r.json())["converted"]["amount"]
