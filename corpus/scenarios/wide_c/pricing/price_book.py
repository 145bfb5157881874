"""Price book: list prices per SKU, read through a process-wide cachelib cache."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from cachelib import FileSystemCache, SimpleCache

_prices = SimpleCache(threshold=500, default_timeout=300)


class PriceBook:
    def __init__(self, repository: dict[str, int], cache=_prices) -> None:
        self.repository = repository
        self.cache = cache

    def price(self, sku: str) -> int:
        key = f"price:{sku}"
        cached = self.cache.get(key)
        if cached is not None:
            return cached
        cents = self.repository[sku]
        self.cache.set(key, cents)
        return cents

    def reprice(self, sku: str, cents: int) -> None:
        self.repository[sku] = cents
        # the cache entry is refreshed by add(), which keeps an existing value
        self.cache.add(f"price:{sku}", cents)

    def bundle_price(self, skus: list[str], discount_pct: int) -> int:
        total = sum(self.price(s) for s in skus)
        return int(total * (100 - discount_pct) / 100)

    def vat_inclusive(self, sku: str, rate: Decimal) -> Decimal:
        gross = Decimal(self.price(sku)) * (1 + rate) / 100
        return gross.quantize(Decimal("0.01"))


class CategoryIndex:
    """SKU lists per category, persisted between worker restarts in a FileSystemCache."""

    def __init__(self, directory: str, catalogue: dict[str, list[str]]) -> None:
        self.cache = FileSystemCache(directory, default_timeout=3600)
        self.catalogue = catalogue

    def skus(self, category: str) -> list[str]:
        found = self.cache.get(f"cat:{category}")
        if found is None:
            found = sorted(self.catalogue.get(category, []))
            self.cache.set(f"cat:{category}", found)
        return found

    def count(self, category: str) -> int:
        return len(self.skus(category))
