"""Pricing service: list prices from the catalogue with a few caching layers in front."""

from __future__ import annotations

import functools
import os

import requests
from django.core.cache import cache
from pydantic_settings import BaseSettings

CATALOGUE = {"WIDGET": 999, "GADGET": 1999}


def list_price(sku: str) -> int:
    key = f"price:{sku}"
    price = cache.get(key)
    if price is None:
        price = CATALOGUE[sku]
        cache.set(key, price, timeout=300)
    return price


class PricingSettings(BaseSettings):
    currency: str = "EUR"
    vat_rate: float = 0.2

    model_config = {"env_prefix": "PRICING_"}


@functools.lru_cache
def get_settings() -> PricingSettings:
    return PricingSettings()


def gross(net_cents: int) -> int:
    return round(net_cents * (1 + get_settings().vat_rate))


# one HTTP session for the whole process (connection reuse)
http = requests.Session()


def partner_headers() -> dict:
    return dict(http.headers)


def tenant_from_env() -> str:
    return os.environ.get("TENANT", "default")
