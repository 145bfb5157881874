"""Application settings, read once from the environment."""
from __future__ import annotations

import os
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}


@dataclass(frozen=True)
class Settings:
    currency: str = "USD"
    discount_rate: Decimal = Decimal("0")
    model_dir: str = "ml_models"
    recommender_model: str = "recommender-v2.joblib"
    fx_base_url: str = "https://api.fxrates.example"
    supplier_base_url: str = "https://api.supplier.example"
    quote_rate_limit: str = "5/minute"
    feed_ack_timeout: float = 1.0

    @property
    def currency_symbol(self) -> str:
        return CURRENCY_SYMBOLS.get(self.currency, self.currency + " ")


def _parse_bool(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on"}


def load_settings(environ: dict[str, str] | None = None) -> Settings:
    env = os.environ if environ is None else environ
    return Settings(
        currency=env.get("SHOP_CURRENCY", "USD").upper(),
        discount_rate=Decimal(env.get("SHOP_DISCOUNT_RATE", "0")),
        model_dir=env.get("SHOP_MODEL_DIR", "ml_models"),
        recommender_model=env.get("SHOP_RECOMMENDER_MODEL", "recommender-v2.joblib"),
        fx_base_url=env.get("SHOP_FX_URL", "https://api.fxrates.example"),
        supplier_base_url=env.get("SHOP_SUPPLIER_URL", "https://api.supplier.example"),
        quote_rate_limit=env.get("SHOP_QUOTE_RATE_LIMIT", "5/minute"),
        feed_ack_timeout=float(env.get("SHOP_FEED_ACK_TIMEOUT", "1.0")),
    )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Process-wide settings (cached: the environment is read on first use only)."""
    return load_settings()
