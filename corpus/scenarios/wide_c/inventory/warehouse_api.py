"""Client for the warehouse management system's REST API (WMS 4.x)."""

from __future__ import annotations

import json
import urllib.request
from urllib.error import HTTPError


class WarehouseClient:
    def __init__(self, base_url: str) -> None:
        self.base_url = base_url.rstrip("/")

    def _get(self, path: str) -> dict:
        with urllib.request.urlopen(f"{self.base_url}{path}", timeout=5) as resp:
            return json.load(resp)

    def _post(self, path: str, payload: dict) -> dict:
        req = urllib.request.Request(
            f"{self.base_url}{path}", data=json.dumps(payload).encode(), headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(req, timeout=5) as resp:
            return json.load(resp)

    def stock_level(self, sku: str) -> int:
        item = self._get(f"/api/v4/items/{sku}")
        return item["stock"]["available"] - item["stock"]["reserved"]

    def bins(self, sku: str) -> list[str]:
        return [loc["bin"] for loc in self._get(f"/api/v4/items/{sku}/locations")["locations"]]

    def reserve(self, sku: str, qty: int) -> str:
        return self._post("/api/v4/reservations", {"sku": sku, "quantity": qty})["reservation"]["id"]

    def low_stock(self, threshold: int) -> list[str]:
        page = self._get(f"/api/v4/items?below={threshold}")
        return [item["sku"] for item in page["items"]]

    def discontinued(self, sku: str) -> bool:
        try:
            return self._get(f"/api/v4/items/{sku}/lifecycle")["phase"] == "discontinued"
        except HTTPError as exc:
            if exc.code == 404:
                return False
            raise

    def stock_or_zero(self, sku: str) -> int:
        try:
            return self.stock_level(sku)
        except HTTPError as exc:
            if exc.code == 404:
                return 0
            raise
