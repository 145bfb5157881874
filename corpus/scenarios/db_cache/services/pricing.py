"""Exchange rates and product lookups, cached with cachetools."""

from __future__ import annotations

import time

from cachetools import LRUCache, TTLCache, cached, cachedmethod
from cachetools.func import ttl_cache

PROVIDER_RATES = {("EUR", "USD"): 1.08, ("GBP", "USD"): 1.27}
provider_calls = {"n": 0}

rates_cache = TTLCache(maxsize=128, ttl=60)


@cached(rates_cache)
def get_rate(base: str, quote: str) -> float:
    provider_calls["n"] += 1
    return PROVIDER_RATES[(base, quote)]


@ttl_cache(maxsize=32, ttl=600)
def shipping_quote(country: str) -> float:
    return {"DE": 4.9, "FR": 5.9}.get(country, 12.0) * PROVIDER_RATES[("EUR", "USD")]


class Clock:
    def now(self) -> float:
        return time.monotonic()


clock = Clock()
token_cache = TTLCache(maxsize=16, ttl=30, timer=clock.now)


class CompanyDirectory:
    _cache = LRUCache(maxsize=64)  # shared by every instance

    def __init__(self, source: dict[int, str]) -> None:
        self.source = source

    @cachedmethod(lambda self: self._cache)
    def company_name(self, company_id: int) -> str:
        return self.source[company_id]


def get_async_cache():
    return TTLCache(maxsize=32, ttl=60)
