"""Product catalog with a small read-through price cache."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Callable

from .config import get_settings

CENT = Decimal("0.01")


@dataclass
class Product:
    sku: str
    name: str
    price: Decimal
    tags: list[str] = field(default_factory=list)


_PRODUCTS: dict[str, Product] = {}


def seed_catalog(count: int = 40) -> None:
    """(Re)load the demo catalog: SKU-1 .. SKU-<count>."""
    _PRODUCTS.clear()
    for i in range(1, count + 1):
        price = (Decimal("4.99") + Decimal(i) * Decimal("2.50")).quantize(CENT)
        tags = ["bundle"] if i % 7 == 0 else (["accessory"] if i % 3 == 0 else ["core"])
        _PRODUCTS[f"SKU-{i}"] = Product(f"SKU-{i}", f"Product {i}", price, tags)


def get_product(sku: str) -> Product:
    try:
        return _PRODUCTS[sku]
    except KeyError:
        raise LookupError(f"unknown sku {sku!r}") from None


def set_price(sku: str, price: Decimal) -> None:
    get_product(sku).price = Decimal(price).quantize(CENT)


def ttl_cache(seconds: float) -> Callable:
    """Memoise a one-argument function for `seconds` (module-level store)."""

    def decorate(fn: Callable) -> Callable:
        store: dict = {}

        def wrapper(key):
            hit = store.get(key)
            now = time.monotonic()
            if hit is not None and now - hit[0] < seconds:
                return hit[1]
            value = fn(key)
            store[key] = (now, value)
            return value

        wrapper.cache = store  # type: ignore[attr-defined]
        wrapper.__wrapped__ = fn  # type: ignore[attr-defined]
        return wrapper

    return decorate


@ttl_cache(seconds=300)
def get_price(sku: str) -> Decimal:
    return get_product(sku).price


def discounted(price: Decimal) -> Decimal:
    rate = get_settings().discount_rate
    return (price * (Decimal(1) - rate)).quantize(CENT, rounding=ROUND_HALF_UP)


def format_price(amount: Decimal) -> str:
    settings = get_settings()
    amount = Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP)
    return f"{settings.currency_symbol}{amount:,}"


def search(term: str) -> list[Product]:
    term = term.lower()
    return [p for p in _PRODUCTS.values() if term in p.name.lower() or term in p.tags]
