"""Exchange rates from the FX provider (HTTP, via httpx)."""
from __future__ import annotations

from decimal import Decimal

import httpx

FALLBACK_RATES = {"USD": Decimal("1"), "EUR": Decimal("0.92"), "GBP": Decimal("0.79")}


class FxClient:
    def __init__(self, base_url: str, timeout: float = 2.0, client: httpx.Client | None = None):
        self.base_url = base_url.rstrip("/")
        self.http = client or httpx.Client(timeout=timeout)
        self.used_fallback = False

    def latest(self, base: str = "USD") -> dict[str, Decimal]:
        try:
            resp = self.http.get(f"{self.base_url}/v2/latest", params={"base": base})
        except httpx.TimeoutException:
            self.used_fallback = True
            return dict(FALLBACK_RATES)
        resp.raise_for_status()
        payload = resp.json()
        # v2 schema: {"data": {"base": ..., "rates": {...}, "timestamp": ...}}
        rates = payload["data"]["rates"]
        return {code: Decimal(str(value)) for code, value in rates.items()}

    def convert(self, amount: Decimal, to: str, base: str = "USD") -> Decimal:
        rate = self.latest(base)[to]
        return (Decimal(amount) * rate).quantize(Decimal("0.01"))
