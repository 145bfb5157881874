"""Product catalog: an in-memory "database" and the caches the storefront puts in front of it."""

from __future__ import annotations

import os

import cachebox
from boltons.cacheutils import LRU, cached, cachedproperty
from cacheout import Cache
from expiringdict import ExpiringDict
from lru import LRU as LruDict
from werkzeug.utils import cached_property

PRODUCTS: dict[str, dict] = {}


def load_fixtures() -> None:
    PRODUCTS.clear()
    PRODUCTS.update(
        {
            "KB-1": {"name": "Keyboard", "price": 4999, "stock": 12, "tags": ["input"]},
            "MS-2": {"name": "Mouse", "price": 1999, "stock": 30, "tags": ["input"]},
            "MN-3": {"name": "Monitor", "price": 18999, "stock": 4, "tags": ["display"]},
        }
    )


# -- werkzeug ---------------------------------------------------------------------------------------------------
class StorefrontConfig:
    @cached_property
    def currency(self) -> str:
        return os.environ.get("STORE_CURRENCY", "EUR")

    @cached_property
    def featured(self) -> list[str]:
        return sorted(sku for sku, p in PRODUCTS.items() if p["stock"] > 5)

    @cached_property
    def vat_rate(self) -> float:
        return float(os.environ.get("STORE_VAT", "0.20"))


config = StorefrontConfig()


def gross_price(sku: str) -> int:
    return round(PRODUCTS[sku]["price"] * (1 + config.vat_rate))


# -- boltons ----------------------------------------------------------------------------------------------------
_price_cache = LRU(max_size=128)


@cached(_price_cache)
def list_price(sku: str) -> int:
    return PRODUCTS[sku]["price"]


class Category:
    def __init__(self, tag: str) -> None:
        self.tag = tag

    @cachedproperty
    def skus(self) -> list[str]:
        return sorted(s for s, p in PRODUCTS.items() if self.tag in p["tags"])


INPUT_DEVICES = Category("input")


# -- cachebox ---------------------------------------------------------------------------------------------------
@cachebox.cached(cachebox.LRUCache(256))
def stock_level(sku: str) -> int:
    return PRODUCTS[sku]["stock"]


@cachebox.cached(cachebox.TTLCache(64, 300))
def search(term: str) -> tuple[str, ...]:
    return tuple(sorted(s for s, p in PRODUCTS.items() if term.lower() in p["name"].lower()))


# -- cacheout ---------------------------------------------------------------------------------------------------
page_cache = Cache(maxsize=256, ttl=600)


@page_cache.memoize()
def product_page(sku: str) -> str:
    p = PRODUCTS[sku]
    return f"{p['name']} - {p['price'] / 100:.2f} ({p['stock']} left)"


def badge(sku: str) -> str:
    key = f"badge:{sku}"
    hit = page_cache.get(key)
    if hit is None:
        hit = "low stock" if PRODUCTS[sku]["stock"] < 5 else "in stock"
        page_cache.set(key, hit)
    return hit


# -- lru-dict / expiringdict ------------------------------------------------------------------------------------
recently_viewed = LruDict(3)
availability = ExpiringDict(max_len=100, max_age_seconds=120)


def view(user: str, sku: str) -> list[str]:
    seen = recently_viewed.get(user) or []
    recently_viewed[user] = [sku] + [s for s in seen if s != sku]
    return recently_viewed[user]


def is_available(sku: str) -> bool:
    if sku not in availability:
        availability[sku] = PRODUCTS[sku]["stock"] > 0
    return availability[sku]


# -- plain helpers (no caching) ---------------------------------------------------------------------------------
def bundle_price(skus: list[str], discount_pct: int) -> int:
    gross = sum(PRODUCTS[s]["price"] for s in skus)
    return gross - gross * discount_pct // 100


def restock(sku: str, qty: int) -> int:
    PRODUCTS[sku]["stock"] = PRODUCTS[sku]["stok"] + qty
    return PRODUCTS[sku]["stock"]


@cachebox.cached(cachebox.LRUCache(64))
async def warehouse_eta_days(sku: str) -> int:
    return 1 if PRODUCTS[sku]["stock"] > 0 else 14


class CatalogError(LookupError):
    pass


@page_cache.memoize()
def product_record(sku: str) -> dict:
    return dict(PRODUCTS[sku])


def barcode(sku: str) -> str:
    try:
        return product_record(sku)["ean"]
    except KeyError as exc:
        raise CatalogError(f"product {sku} has no barcode on file") from exc
