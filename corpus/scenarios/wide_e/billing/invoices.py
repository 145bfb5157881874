"""Invoicing: due dates, API tokens with expiry, and the client of the accounting API."""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta, timezone

import httpx


def due_date(issued: date, days: int = 30) -> date:
    return issued + timedelta(days=days)


def is_overdue(due: date) -> bool:
    return date.today() > due


class TokenCache:
    def __init__(self) -> None:
        self._token: tuple[str, float] | None = None

    def get(self, issue) -> str:
        if self._token is None or self._token[1] <= time.time():
            self._token = (issue(), time.time() + 3600)
        return self._token[0]


tokens = TokenCache()


def timed(fn):
    start = time.time()
    fn()
    return time.time() - start


def stamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m")


# -- accounting API client, shared by the whole process -------------------------------------------------------------
def _accounting(request: httpx.Request) -> httpx.Response:
    auth = request.headers.get("authorization", "")
    if request.url.path == "/invoices":
        if auth == "Bearer finance-admin":
            return httpx.Response(200, json={"invoices": ["INV-1", "INV-2", "INV-3"], "scope": "all"})
        return httpx.Response(200, json={"invoices": ["INV-2"], "scope": "own"})
    if request.url.path == "/whoami":
        return httpx.Response(200, json={"role": "admin" if auth else "customer"})
    return httpx.Response(404, json={"error": "not found"})


accounting = httpx.Client(base_url="https://accounting.internal", transport=httpx.MockTransport(_accounting))


def login_as_admin() -> None:
    accounting.headers["Authorization"] = "Bearer finance-admin"


def visible_invoices() -> list[str]:
    return accounting.get("/invoices").json()["invoices"]


def vat_amount(net_cents: int, rate_pct: int) -> int:
    return net_cents * rate_pct / 100
