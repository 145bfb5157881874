"""Exchange rates for invoicing in the merchant's currency (fx provider REST API)."""

from __future__ import annotations

from decimal import Decimal

import requests

FX_API = "https://api.fxrates.example/v1"


class FxClient:
    def __init__(self, session: requests.Session | None = None) -> None:
        self.session = session or requests.Session()

    def latest(self, base: str) -> dict[str, Decimal]:
        resp = self.session.get(f"{FX_API}/latest", params={"base": base}, timeout=3)
        resp.raise_for_status()
        return {cur: Decimal(str(v)) for cur, v in resp.json()["rates"].items()}

    def convert(self, amount: Decimal, base: str, target: str) -> Decimal:
        return (amount * self.latest(base)[target]).quantize(Decimal("0.01"))

    def historical(self, day: str, base: str) -> dict[str, Decimal]:
        resp = self.session.get(f"{FX_API}/{day}", params={"base": base}, timeout=3)
        resp.raise_for_status()
        return {cur: Decimal(str(v)) for cur, v in resp.json()["rates"].items()}
