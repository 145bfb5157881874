"""ParcelHub carrier client: shipment tracking and rate shopping (requests + pydantic models)."""

from __future__ import annotations

import time

import requests
from pydantic import BaseModel

BASE = "https://api.parcelhub.example/v3"


class Event(BaseModel):
    at: str
    code: str


class Shipment(BaseModel):
    id: str
    status: str
    events: list[Event]


class Rate(BaseModel):
    service: str
    price_cents: int


class ParcelHub:
    def __init__(self, session: requests.Session | None = None) -> None:
        self.http = session or requests.Session()

    def shipment(self, shipment_id: str) -> Shipment:
        r = self.http.get(f"{BASE}/shipments/{shipment_id}", timeout=3)
        r.raise_for_status()
        return Shipment.model_validate(r.json())

    def cheapest(self, weight_grams: int, zone: str) -> Rate:
        r = self.http.post(f"{BASE}/rates", json={"weight_grams": weight_grams, "zone": zone}, timeout=3)
        r.raise_for_status()
        rates = [Rate.model_validate(x) for x in r.json()["rates"]]
        return min(rates, key=lambda x: x.price_cents)

    def shipment_when_ready(self, shipment_id: str, attempts: int = 3) -> Shipment:
        for _ in range(attempts):
            r = self.http.get(f"{BASE}/shipments/{shipment_id}", timeout=3)
            if r.status_code == 503:
                time.sleep(int(r.headers["Retry-After"]))
                continue
            r.raise_for_status()
            return Shipment.model_validate(r.json())
        raise TimeoutError(shipment_id)

    def cancel(self, shipment_id: str) -> bool:
        r = self.http.post(f"{BASE}/shipments/{shipment_id}/cancel", timeout=3)
        r.raise_for_status()
        return r.json()["cancelled"]
