"""Clients for the partner APIs the marketplace calls (quotes, users, invoices, orders, payments, shipments)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

import httpx
import requests
from pydantic import BaseModel

QUOTES = "https://api.exchange.example/v2"
USERS = "https://id.partner.example/v3"
BILLING = "https://billing.partner.example/v1"
PAY = "https://pay.partner.example/v2"


def get_quote(symbol: str) -> dict:
    data = httpx.get(f"{QUOTES}/quotes/{symbol}").json()
    return {"symbol": symbol, "price": data.get("price"), "ts": data.get("ts")}


class User(BaseModel):
    id: str
    email: str | None = None
    name: str = ""


def get_user(user_id: str) -> User:
    payload = requests.get(f"{USERS}/users/{user_id}", timeout=5).json()
    return User(id=payload["id"], email=(payload.get("contact") or {}).get("email"), name=payload.get("name", ""))


class Invoice(BaseModel):
    number: str
    total: Decimal
    currency: str = "USD"
    status: str = "open"


def get_invoice(number: str) -> Invoice:
    return Invoice.model_validate(requests.get(f"{BILLING}/invoices/{number}", timeout=5).json())


class Charge(BaseModel):
    id: str
    amount: Decimal
    created: datetime


def get_charge(charge_id: str) -> Charge:
    return Charge.model_validate(httpx.get(f"{PAY}/charges/{charge_id}").json())


@dataclass
class RateLimited:
    last_retry_after: int | None = None

    def submit(self, payload: dict) -> int:
        resp = requests.post(f"{BILLING}/batches", json=payload, timeout=5)
        if resp.status_code == 429:
            self.last_retry_after = int(resp.headers.get("Retry-After", 0)) or None
        return resp.status_code


def list_orders(client: httpx.Client) -> list[dict]:
    out, url = [], f"{PAY}/orders"
    while url:
        page = client.get(url).json()
        out.extend(page.get("items", []))
        url = page.get("next")
    return out


class DeclineError(Exception):
    def __init__(self, code: str | None, message: str) -> None:
        super().__init__(message)
        self.code = code


def capture(charge_id: str) -> DeclineError | None:
    resp = requests.post(f"{PAY}/charges/{charge_id}/capture", timeout=5)
    if resp.status_code == 402:
        body = resp.json()
        first = (body.get("errors") or [{}])[0]
        return DeclineError(first.get("code"), first.get("message", ""))
    return None


class RatesClient:
    """Falls back to the last known rate when the rates partner does not answer within the budget."""

    def __init__(self, budget: float = 0.5) -> None:
        self.budget = budget
        self.last = {"EURUSD": Decimal("1.08")}

    def rate(self, pair: str) -> tuple[Decimal, str]:
        started = time.monotonic()
        try:
            resp = requests.get(f"{QUOTES}/fx/{pair}", timeout=self.budget)
            if time.monotonic() - started > self.budget:
                return self.last[pair], "cached"
            return Decimal(str(resp.json()["rate"])), "live"
        except requests.Timeout:
            return self.last[pair], "cached"


def shipment_status(client: httpx.Client, tracking: str) -> str:
    data = client.get(f"https://track.partner.example/v4/shipments/{tracking}").json()
    return data.get("status", {}).get("code", "unknown") if isinstance(data.get("status"), dict) else "unknown"


def verify_webhook(headers: dict, expected: str) -> bool:
    return headers.get("X-Signature-256") == expected
