"""Pulls product data from the supplier's catalog API; the contract allows 3 requests per minute per host."""

from __future__ import annotations

from requests_ratelimiter import LimiterSession

BASE = "http://127.0.0.1:47813"


def make_session(max_delay: float | None = 0.3) -> LimiterSession:
    return LimiterSession(per_minute=3, max_delay=max_delay)


SESSION = make_session()


def product(sku: str, session: LimiterSession = SESSION) -> dict:
    resp = session.get(f"{BASE}/products/{sku}", timeout=2)
    resp.raise_for_status()
    return resp.json()


def prices(skus: list[str], session: LimiterSession = SESSION) -> dict[str, float]:
    return {sku: product(sku, session)["price"] for sku in skus}
