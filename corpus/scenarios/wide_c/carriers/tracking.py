"""Client for the carrier's tracking API (v3, JSON:API-style envelope)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import httpx


@dataclass
class Shipment:
    tracking_number: str
    status: str
    eta: datetime | None
    weight_grams: int


class TrackingClient:
    def __init__(self, client: httpx.Client) -> None:
        self.http = client

    def shipment(self, tracking_number: str) -> Shipment:
        resp = self.http.get(f"/v3/shipments/{tracking_number}")
        resp.raise_for_status()
        data = resp.json()["data"]["attributes"]
        return Shipment(
            tracking_number=data["trackingNumber"],
            status=data["status"]["code"],
            eta=datetime.fromisoformat(data["estimatedDelivery"]) if data.get("estimatedDelivery") else None,
            weight_grams=int(data["weight"]["value"] * 1000) if data["weight"]["unit"] == "kg" else int(data["weight"]["value"]),
        )

    def events(self, tracking_number: str) -> list[str]:
        resp = self.http.get(f"/v3/shipments/{tracking_number}/events")
        resp.raise_for_status()
        return [e["attributes"]["description"] for e in resp.json()["data"]]

    def book_pickup(self, address: dict, parcels: int) -> str:
        resp = self.http.post("/v3/pickups", json={"address": address, "parcels": parcels})
        resp.raise_for_status()
        # the API answers 202 Accepted and points at the pickup resource
        return resp.headers["Location"].rsplit("/", 1)[-1]

    def total_weight(self, numbers: list[str]) -> int:
        return sum(self.shipment(n).weight_grams for n in numbers)


class AsyncTrackingClient:
    def __init__(self, client: httpx.AsyncClient) -> None:
        self.http = client

    async def status(self, tracking_number: str) -> str:
        resp = await self.http.get(f"/v3/shipments/{tracking_number}")
        resp.raise_for_status()
        return resp.json()["data"]["attributes"]["status"]["code"]

    async def delivered_at(self, tracking_number: str) -> datetime:
        resp = await self.http.get(f"/v3/shipments/{tracking_number}")
        resp.raise_for_status()
        return datetime.fromisoformat(resp.json()["data"]["attributes"]["deliveredAt"])


class RateQuoteClient:
    """Quotes from the carrier's rating API; honours Retry-After and the problem+json error format."""

    def __init__(self, client: httpx.Client) -> None:
        self.http = client

    def quote(self, origin: str, destination: str, grams: int) -> int:
        resp = self.http.post("/v3/rates", json={"from": origin, "to": destination, "weight": grams}, timeout=2.0)
        if resp.status_code == 429:
            raise RetryLater(int(resp.headers.get("Retry-After")))
        if resp.status_code >= 400:
            problem = resp.json()
            raise QuoteRejected(problem["title"], problem["detail"])
        return resp.json()["data"]["attributes"]["totalCharge"]["amountCents"]

    def all_services(self) -> list[str]:
        names, url = [], "/v3/services"
        while url:
            page = self.http.get(url).json()
            names += [s["code"] for s in page["data"]]
            url = page["links"].get("next")
        return names

    def quote_with_fallback(self, origin: str, destination: str, grams: int) -> int:
        try:
            return self.quote(origin, destination, grams)
        except httpx.TimeoutException:
            return 999


class RetryLater(Exception):
    def __init__(self, seconds: int) -> None:
        super().__init__(f"retry in {seconds}s")
        self.seconds = seconds


class QuoteRejected(Exception):
    pass
