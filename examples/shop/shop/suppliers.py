"""Supplier stock sync (HTTP, via httpx)."""
from __future__ import annotations

from dataclasses import dataclass

import httpx


@dataclass
class SupplierStock:
    sku: str
    quantity: int
    lead_time_days: int


class SupplierClient:
    def __init__(self, base_url: str, client: httpx.Client | None = None):
        self.base_url = base_url.rstrip("/")
        self.http = client or httpx.Client(timeout=2.0)

    def stock(self, sku: str) -> int:
        resp = self.http.get(f"{self.base_url}/v1/stock/{sku}")
        resp.raise_for_status()
        return int(resp.json()["quantity"])

    def lead_time(self, sku: str) -> int:
        resp = self.http.get(f"{self.base_url}/v1/lead-time/{sku}")
        resp.raise_for_status()
        return int(resp.json()["days"])

    def sync(self, sku: str) -> SupplierStock:
        return SupplierStock(sku, self.stock(sku), self.lead_time(sku))

    def health(self) -> bool:
        resp = self.http.get(f"{self.base_url}/health")
        return resp.status_code == 200
