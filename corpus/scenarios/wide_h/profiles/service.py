"""Profile and plan lookups for the account pages, cached in Django's cache and in-process."""

from __future__ import annotations

import asyncio

from async_lru import alru_cache
from cachetools import LRUCache, cached
from django.conf import settings
from django.core.cache import cache

PROFILES = {7: {"name": "Ana Lima", "locale": "pt-BR"}, 8: {"name": "Bo Berg", "locale": "sv-SE"}}
PLANS = {"team": {"seats": 10, "price": 49}, "business": {"seats": 50, "price": 199}}
PRICES = {("team", "EUR"): 49, ("team", "USD"): 53, ("business", "EUR"): 199, ("business", "USD"): 216}


def get_profile(user_id: int) -> dict:
    return cache.get_or_set(f"profile:{user_id}", lambda: dict(PROFILES[user_id]), timeout=300)


def rename(user_id: int, name: str) -> None:
    PROFILES[user_id]["name"] = name


def checkout_variant() -> str:
    return "new" if settings.FEATURE_FLAGS.get("new_checkout") else "classic"


@alru_cache(maxsize=32)
async def plan_details(plan: str) -> dict:
    await asyncio.sleep(0)
    return dict(PLANS[plan])


@cached(LRUCache(maxsize=64), key=lambda plan, currency: plan)
def plan_price(plan: str, currency: str) -> int:
    return PRICES[(plan, currency)]
