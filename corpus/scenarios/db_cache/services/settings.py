"""Application settings, read once from the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache

# read at import time
REQUEST_TIMEOUT = int(os.environ.get("APP_REQUEST_TIMEOUT", "30"))


@dataclass(frozen=True)
class Settings:
    database_url: str
    debug: bool
    cache_ttl: int
    allowed_origins: tuple[str, ...] = field(default_factory=tuple)


@lru_cache
def get_settings() -> Settings:
    return Settings(
        database_url=os.environ.get("DATABASE_URL", "sqlite:///default.db"),
        debug=os.environ.get("DEBUG", "0") == "1",
        cache_ttl=int(os.environ.get("CACHE_TTL", "300")),
        allowed_origins=tuple(filter(None, os.environ.get("ALLOWED_ORIGINS", "").split(","))),
    )


@cache
def enabled_features() -> list[str]:
    return [f for f in os.environ.get("FEATURES", "search").split(",") if f]


@cache
def currency_symbols() -> dict[str, str]:
    return {"USD": "$", "EUR": "€", "GBP": "£"}


class AppConfig:
    @cached_property
    def allowed_hosts(self) -> list[str]:
        return os.environ.get("ALLOWED_HOSTS", "localhost").split(",")


app_config = AppConfig()
