"""Client for the supplier's stock and pricing API (v2), plus the stand-in the tests run it against."""

from __future__ import annotations

import json
import time
from collections import Counter

import backoff
import httpx
import requests
import stamina
import tenacity
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from ..stub_http import serve

SUPPLIER_PORT = 48001
QUOTA_PER_KEY = 4
_calls: Counter[str] = Counter()


def _route(method: str, path: str, body: bytes, headers=None):
    key = (headers or {}).get("X-Api-Key", "anonymous")
    if path.startswith("/v2/stock/"):
        _calls[key] += 1
        if _calls[key] > QUOTA_PER_KEY:
            return 429, {"Retry-After": "60", "X-RateLimit-Remaining": "0"}, {"error": "rate_limited", "detail": "API key quota exceeded"}
        return 200, {"X-RateLimit-Remaining": str(QUOTA_PER_KEY - _calls[key])}, {"sku": path.rsplit("/", 1)[-1], "on_hand": 12}
    if path.startswith("/v2/prices"):
        return 429, {"Retry-After": "Wed, 21 Oct 2026 07:28:00 GMT"}, {"error": "rate_limited"}
    if path.startswith("/v2/catalog"):
        return 429, {"Retry-After": "30"}, {"error": "rate_limited", "detail": "catalog export limited to 1 per 30s"}
    if path.startswith("/v2/bulk"):
        return 429, {"Retry-After": "0.2"}, {"error": "rate_limited"}
    if path.startswith("/v2/orders/"):
        order = path.rsplit("/", 1)[-1]
        if key == "readonly":
            return 403, {}, {"error": "forbidden", "detail": "key lacks orders:read"}
        if order == "PO-0000":
            return 500, {}, {"error": "internal"}
        if order != "PO-1001":
            return 404, {}, {"error": "not_found"}
        return 200, {}, {"id": order, "lines": 3}
    return 404, {}, {"error": "not_found"}


def supplier_url() -> str:
    return serve(SUPPLIER_PORT, _route)


class SupplierClient:
    def __init__(self, base_url: str, api_key: str = "team-a", retries: Retry | None = None) -> None:
        self.base_url = base_url
        self.session = requests.Session()
        self.session.headers["X-Api-Key"] = api_key
        if retries is not None:
            self.session.mount("http://", HTTPAdapter(max_retries=retries))

    def stock(self, sku: str) -> dict:
        resp = self.session.get(f"{self.base_url}/v2/stock/{sku}", timeout=2)
        resp.raise_for_status()
        return resp.json()

    def stock_response(self, sku: str) -> requests.Response:
        return self.session.get(f"{self.base_url}/v2/stock/{sku}", timeout=2)

    def order(self, order_id: str) -> dict:
        resp = self.session.get(f"{self.base_url}/v2/orders/{order_id}", timeout=2)
        resp.raise_for_status()
        return resp.json()

    def prices(self) -> dict:
        resp = self.session.get(f"{self.base_url}/v2/prices", timeout=2)
        if resp.status_code == 429:
            delay = int(resp.headers["Retry-After"])
            time.sleep(min(delay, 1))
            resp = self.session.get(f"{self.base_url}/v2/prices", timeout=2)
        resp.raise_for_status()
        return resp.json()

    def bulk_prices(self) -> dict:
        resp = self.session.get(f"{self.base_url}/v2/bulk", timeout=2)
        if resp.status_code == 429:
            time.sleep(int(resp.headers.get("Retry-After", "1")))
        return resp.json()

    @backoff.on_exception(backoff.expo, requests.HTTPError, max_tries=3, base=0.01, max_value=0.05)
    def stock_with_backoff(self, sku: str) -> dict:
        return self.stock(sku)


class AsyncSupplierClient:
    def __init__(self, base_url: str, api_key: str = "team-a") -> None:
        self.client = httpx.AsyncClient(base_url=base_url, headers={"X-Api-Key": api_key}, timeout=2)

    async def stock(self, sku: str) -> dict:
        resp = await self.client.get(f"/v2/stock/{sku}")
        resp.raise_for_status()
        return resp.json()

    async def aclose(self) -> None:
        await self.client.aclose()


def fetch_stock_httpx(base_url: str, sku: str, api_key: str = "team-a") -> dict:
    with httpx.Client(base_url=base_url, headers={"X-Api-Key": api_key}, timeout=2) as client:
        resp = client.get(f"/v2/stock/{sku}")
        resp.raise_for_status()
        return resp.json()


@tenacity.retry(
    retry=tenacity.retry_if_exception_type(httpx.HTTPStatusError),
    stop=tenacity.stop_after_attempt(3),
    wait=tenacity.wait_fixed(0.05),
)
def sync_stock_level(base_url: str, sku: str) -> int:
    return fetch_stock_httpx(base_url, sku)["on_hand"]


def _wait_for_retry_after(state: tenacity.RetryCallState) -> float:
    exc = state.outcome.exception()
    return float(exc.response.headers.get("Retry-After", 1))


@tenacity.retry(
    retry=tenacity.retry_if_exception_type(httpx.HTTPStatusError),
    stop=tenacity.stop_after_attempt(2),
    wait=_wait_for_retry_after,
)
def export_catalog(base_url: str) -> dict:
    with httpx.Client(base_url=base_url, timeout=2) as client:
        resp = client.get("/v2/catalog")
        resp.raise_for_status()
        return resp.json()


@stamina.retry(on=httpx.HTTPStatusError, attempts=3, wait_initial=0.01, wait_max=0.05)
def reserve_stock(base_url: str, sku: str) -> dict:
    return fetch_stock_httpx(base_url, sku)
