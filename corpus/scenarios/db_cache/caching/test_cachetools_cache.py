from __future__ import annotations

import asyncio
import time

import pytest
from cachetools import TTLCache, cached
from freezegun import freeze_time

from db_cache.services import pricing
from db_cache.services.pricing import CompanyDirectory, get_rate, rates_cache, shipping_quote, token_cache

ct_failure = lambda shape, cause: pytest.mark.failure(  # noqa: E731
    category="4", library="cachetools", dist="cachetools", shape=shape, cause=cause
)


def test_eur_usd_rate():
    assert get_rate("EUR", "USD") == 1.08


@ct_failure("assert", "ttl-cache-stale-value")
def test_rate_reflects_provider_update(monkeypatch):
    monkeypatch.setitem(pricing.PROVIDER_RATES, ("EUR", "USD"), 1.12)
    assert get_rate("EUR", "USD") == 1.12


@ct_failure("assert", "ttl-cache-not-expired")
def test_rate_refreshed_after_ttl():
    with freeze_time("2024-05-01 12:00:00") as frozen:
        before = pricing.provider_calls["n"]
        get_rate("GBP", "USD")
        frozen.tick(120)  # well past the 60 s TTL
        get_rate("GBP", "USD")
        assert pricing.provider_calls["n"] == before + 2, "expected cache miss after TTL expiry"


@ct_failure("assert", "ttl-cache-not-expired")
def test_session_token_expires(monkeypatch):
    token_cache["user:1"] = "tok-abc"
    fake_now = time.monotonic() + 3600
    monkeypatch.setattr(pricing.Clock, "now", lambda self: fake_now)
    assert "user:1" not in token_cache


def test_shipping_quote_germany():
    assert shipping_quote("DE") == pytest.approx(5.292)


@ct_failure("assert", "ttl-cache-stale-value")
def test_shipping_quote_uses_current_rate(monkeypatch):
    monkeypatch.setitem(pricing.PROVIDER_RATES, ("EUR", "USD"), 1.10)
    assert shipping_quote("DE") == pytest.approx(4.9 * 1.10)


def test_acme_directory():
    assert CompanyDirectory({7: "Acme"}).company_name(7) == "Acme"


@ct_failure("assert", "class-level-cache-shared")
def test_tenant_directory_isolated():
    other_tenant = CompanyDirectory({7: "Globex"})
    assert other_tenant.company_name(7) == "Globex"


@ct_failure("assert", "cache-size-leak")
def test_rates_cache_warmup_loads_all_pairs():
    before = pricing.provider_calls["n"]
    for pair in pricing.PROVIDER_RATES:
        get_rate(*pair)
    fetched = pricing.provider_calls["n"] - before
    assert fetched == len(pricing.PROVIDER_RATES), "warmup should fetch every pair from the provider"


@pytest.fixture
def empty_rates_cache():
    assert len(rates_cache) == 0, f"rates cache not empty at test start: {list(rates_cache)}"
    yield rates_cache
    rates_cache.clear()


@ct_failure("setup", "cache-not-cleared")
def test_first_lookup_hits_provider(empty_rates_cache):
    get_rate("EUR", "USD")
    assert len(empty_rates_cache) == 1


def test_invalidate_rates():
    rates_cache.clear()


@ct_failure("raised", "cache-not-warmed")
def test_rate_served_from_warm_cache():
    from cachetools.keys import hashkey

    assert rates_cache[hashkey("EUR", "USD")] == 1.08


quote_cache = TTLCache(maxsize=32, ttl=60)


@cached(quote_cache)
async def fetch_quote(symbol: str) -> float:
    await asyncio.sleep(0)
    return {"ACME": 12.5}[symbol]


@pytest.mark.asyncio
async def test_quote_dashboard():
    assert await fetch_quote("ACME") == 12.5


@ct_failure("async", "cached-coroutine-reused")
@pytest.mark.asyncio
async def test_quote_ticker_refresh():
    assert await fetch_quote("ACME") == 12.5
