"""Shipping-rate quotes from the freight partner's REST API (standard library HTTP, no extra dependency)."""

from __future__ import annotations

import json
import urllib.request
from decimal import Decimal

FREIGHT_API = "http://api.freightpartner.example/v2"


def _call(method: str, path: str, payload: dict | None = None) -> dict:
    data = json.dumps(payload).encode() if payload is not None else None
    req = urllib.request.Request(f"{FREIGHT_API}{path}", data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=3) as resp:
        return json.loads(resp.read())


def quote(origin: str, destination: str, weight_kg: float) -> Decimal:
    body = _call("POST", "/quotes", {"from": origin, "to": destination, "weight": {"value": weight_kg, "unit": "kg"}})
    return Decimal(body["quote"]["total"]["amount"])


def zones() -> list[str]:
    return [z["code"] for z in _call("GET", "/zones")["zones"]]
