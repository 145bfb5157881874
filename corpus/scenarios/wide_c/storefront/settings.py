"""Storefront settings, read from the environment once at import."""

import os

CURRENCY = os.environ.get("STORE_CURRENCY", "USD")
LOCALE = os.environ.get("STORE_LOCALE", "en_US")
FREE_SHIPPING_OVER = int(os.environ.get("FREE_SHIPPING_OVER", "5000"))
