"""Storefront pricing and profile lookups with the caches production uses."""

from __future__ import annotations

import functools
import os
from decimal import Decimal

import cachetools
import fakeredis
from async_lru import alru_cache
from flask import Flask, jsonify, request
from flask_caching import Cache

PRICES = {"MUG": 12, "TEE": 18, "CAP": 6}
PROFILES = {"u1": {"name": "Ada", "tier": "basic"}}
SETTINGS = {"free_shipping_over": 50}
FORMATTERS: dict[str, object] = {}

REDIS = fakeredis.FakeRedis(server=fakeredis.FakeServer(), decode_responses=True)


@functools.lru_cache(maxsize=256)
def unit_price(sku: str) -> int:
    return PRICES[sku]


def cart_total(lines: dict[str, int]) -> int:
    return sum(unit_price(sku) * qty for sku, qty in lines.items())


_profiles = cachetools.TTLCache(maxsize=1024, ttl=300)


@cachetools.cached(_profiles)
def profile(user_id: str) -> dict:
    return dict(PROFILES[user_id])


def discount_for(user_id: str) -> Decimal:
    return {"basic": Decimal("0"), "gold": Decimal("0.10")}[profile(user_id)["tier"]]


_stock_cache = cachetools.LRUCache(maxsize=100)


@cachetools.cached(_stock_cache, key=lambda sku: sku)
def stock_level(sku: str) -> int:
    return int(REDIS.get(f"stock:{sku}") or 0)


def set_stock(sku: str, qty: int) -> None:
    REDIS.set(f"stock:{sku}", qty)


def record_view(sku: str) -> int:
    return REDIS.incr(f"views:{sku}")


def recently_viewed(user_id: str) -> list[str]:
    return REDIS.lrange(f"recent:{user_id}", 0, -1)


def view(user_id: str, sku: str) -> None:
    REDIS.lpush(f"recent:{user_id}", sku)


CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€"}


def format_price(amount: int) -> str:
    symbol = CURRENCY_SYMBOLS[os.environ.get("STORE_CURRENCY", "USD")]
    return f"{symbol}{amount:.2f}"


def register_formatter(name: str, fn) -> None:
    FORMATTERS[name] = fn


@alru_cache(maxsize=32)
async def shipping_rules(region: str) -> dict:
    return {"region": region, "free_over": SETTINGS["free_shipping_over"]}


cache = Cache(config={"CACHE_TYPE": "SimpleCache", "CACHE_DEFAULT_TIMEOUT": 300})


def create_app() -> Flask:
    app = Flask(__name__)
    cache.init_app(app)

    @app.get("/products/<sku>")
    @cache.cached()
    def product(sku):
        return jsonify(sku=sku, price=PRICES[sku])

    @app.put("/products/<sku>")
    def update(sku):
        PRICES[sku] = request.json["price"]
        return jsonify(ok=True)

    @app.get("/featured")
    def featured():
        return jsonify(items=featured_items(3))

    return app


@cache.memoize()
def featured_items(n: int) -> list[str]:
    return sorted(PRICES, key=PRICES.get, reverse=True)[:n]
