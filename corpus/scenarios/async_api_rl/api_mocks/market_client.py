"""Clients for the third-party market-data and payments APIs (real code paths under test)."""

from __future__ import annotations

import json
import time
from datetime import datetime
from decimal import Decimal

import httpx
import requests
from pydantic import BaseModel

MARKET_URL = "https://api.marketdata.example.com"
PAYMENTS_URL = "https://api.payments.example.com"


class Quote(BaseModel):
    symbol: str
    price: Decimal
    currency: str
    as_of: datetime


class PriceServiceError(Exception):
    pass


class RateLimited(Exception):
    def __init__(self, retry_after: int) -> None:
        super().__init__(f"rate limited, retry after {retry_after}s")
        self.retry_after = retry_after


# ---------------------------------------------------------------- requests-based client
class MarketDataClient:
    def __init__(self, base_url: str = MARKET_URL, session: requests.Session | None = None, timeout: float = 2.0):
        self.base_url = base_url.rstrip("/")
        self.session = session or requests.Session()
        self.timeout = timeout

    def get_price(self, symbol: str) -> Decimal:
        resp = self.session.get(f"{self.base_url}/v2/prices", params={"symbol": symbol}, timeout=self.timeout)
        if resp.status_code == 429:
            raise RateLimited(int(resp.headers["Retry-After"]))
        resp.raise_for_status()
        body = resp.json()
        return Decimal(str(body["data"]["price"]))

    def get_quote(self, symbol: str) -> Quote:
        resp = self.session.get(f"{self.base_url}/v2/quotes/{symbol}", timeout=self.timeout)
        resp.raise_for_status()
        return Quote.model_validate(resp.json()["quote"])

    def list_symbols(self, exchange: str) -> list[str]:
        symbols: list[str] = []
        url: str | None = f"{self.base_url}/v2/exchanges/{exchange}/symbols"
        while url:
            resp = self.session.get(url, timeout=self.timeout)
            resp.raise_for_status()
            symbols.extend(item["ticker"] for item in resp.json()["results"])
            url = resp.links.get("next", {}).get("url")
        return symbols

    def price_history(self, symbol: str) -> list[tuple[datetime, Decimal]]:
        resp = self.session.get(f"{self.base_url}/v2/history/{symbol}", timeout=self.timeout)
        resp.raise_for_status()
        return [(datetime.fromisoformat(p["ts"]), Decimal(str(p["close"]))) for p in resp.json()["points"]]

    def get_price_or_fail(self, symbol: str) -> Decimal:
        try:
            return self.get_price(symbol)
        except requests.ConnectionError as exc:
            raise PriceServiceError(f"market data unavailable for {symbol}") from exc


class PaymentsClient:
    def __init__(self, base_url: str = PAYMENTS_URL, session: requests.Session | None = None):
        self.base_url = base_url
        self.session = session or requests.Session()

    def create_charge(self, amount_cents: int, currency: str, customer: str) -> dict:
        resp = self.session.post(
            f"{self.base_url}/v1/charges",
            json={"amount": amount_cents, "currency": currency, "customer": customer},
            headers={"Idempotency-Key": f"{customer}-{amount_cents}"},
            timeout=5,
        )
        resp.raise_for_status()
        charge = resp.json()
        return {"id": charge["id"], "status": charge["status"], "amount": charge["amount"]}

    def refund(self, charge_id: str) -> dict:
        resp = self.session.post(f"{self.base_url}/v1/refunds", json={"charge": charge_id}, timeout=5)
        resp.raise_for_status()
        return resp.json()

    def get_charge_with_retry(self, charge_id: str, attempts: int = 3) -> dict:
        for attempt in range(attempts):
            resp = self.session.get(f"{self.base_url}/v1/charges/{charge_id}", timeout=5)
            if resp.status_code == 429:
                time.sleep(min(float(resp.headers.get("Retry-After", 0)), 0.01))
                continue
            resp.raise_for_status()
            return resp.json()
        raise PriceServiceError(f"gave up on {charge_id} after {attempts} attempts")


# ---------------------------------------------------------------- httpx-based client
class AsyncMarketClient:
    def __init__(self, base_url: str = MARKET_URL, client: httpx.AsyncClient | None = None):
        self.client = client or httpx.AsyncClient(base_url=base_url, timeout=1.0)

    async def get_quote(self, symbol: str) -> Quote:
        resp = await self.client.get(f"/v2/quotes/{symbol}")
        resp.raise_for_status()
        return Quote.model_validate(resp.json()["quote"])


class FxClient:
    def __init__(self, base_url: str = "https://fx.example.com", transport: httpx.BaseTransport | None = None):
        self.client = httpx.Client(base_url=base_url, timeout=1.0, transport=transport)

    def convert(self, amount: Decimal, src: str, dst: str) -> Decimal:
        resp = self.client.get("/latest", params={"base": src, "symbols": dst})
        if resp.status_code == 429:
            raise RateLimited(int(resp.headers["retry-after"]))
        resp.raise_for_status()
        return amount * Decimal(str(resp.json()["rates"][dst]))

    def convert_with_fallback(self, amount: Decimal, src: str, dst: str) -> Decimal | None:
        try:
            return self.convert(amount, src, dst)
        except httpx.ReadTimeout:
            return None

    def parse_rates(self, raw: str) -> dict:
        return json.loads(raw)["rates"]
