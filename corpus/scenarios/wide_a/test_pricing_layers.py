"""Prices, exchange rates and partner calls; each layer caches something between calls."""

from __future__ import annotations

import pytest
from beaker.cache import CacheManager
from cachier import cachier
from joblib import Memory

from wide_a.shop import pricing

leak_failure = lambda library, shape, cause, dist=...: pytest.mark.failure(  # noqa: E731
    category="4", library=library, dist=library if dist is ... else dist, shape=shape, cause=cause
)


# ---------------------------------------------------------------- django cache framework (locmem)
def test_widget_list_price():
    assert pricing.list_price("WIDGET") == 999


@leak_failure("django-cache", "assert", "cache-not-cleared-between-tests", dist="Django")
def test_widget_price_after_catalogue_update(monkeypatch):
    monkeypatch.setitem(pricing.CATALOGUE, "WIDGET", 1299)
    assert pricing.list_price("WIDGET") == 1299


def test_gadget_price_during_sale(monkeypatch):
    monkeypatch.setitem(pricing.CATALOGUE, "GADGET", 1499)
    assert pricing.list_price("GADGET") == 1499


@leak_failure("django-cache", "assert", "stale-entry-from-previous-test", dist="Django")
def test_gadget_regular_price():
    assert pricing.list_price("GADGET") == 1999


# ---------------------------------------------------------------- pydantic-settings behind lru_cache
def test_gross_price_default_vat():
    assert pricing.gross(1000) == 1200


@leak_failure("pydantic-settings", "assert", "lru-cached-settings-ignore-env")
def test_gross_price_reduced_vat(monkeypatch):
    monkeypatch.setenv("PRICING_VAT_RATE", "0.07")
    assert pricing.gross(1000) == 1070


@leak_failure("pydantic-settings", "assert", "lru-cached-settings-ignore-env")
def test_currency_for_swiss_storefront(monkeypatch):
    monkeypatch.setenv("PRICING_CURRENCY", "CHF")
    assert pricing.get_settings().currency == "CHF"


# ---------------------------------------------------------------- requests.Session module singleton
def test_partner_call_with_tenant_header():
    pricing.http.headers["X-Tenant"] = "acme"
    assert pricing.partner_headers()["X-Tenant"] == "acme"


@leak_failure("requests-session", "assert", "shared-session-state-leak", dist="requests")
def test_partner_call_without_tenant():
    assert "X-Tenant" not in pricing.partner_headers()


# ---------------------------------------------------------------- cachier (persistent pickle cache)
FX = {"EURUSD": 1.08}


@pytest.fixture(scope="module")
def fx_cache_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("fx-cache")


@pytest.fixture(scope="module")
def eur_rate(fx_cache_dir):
    @cachier(cache_dir=str(fx_cache_dir), separate_files=True)
    def fx_rate(pair: str) -> float:
        return FX[pair]

    return fx_rate


def test_eur_usd_rate(eur_rate):
    assert eur_rate("EURUSD") == 1.08


@leak_failure("cachier", "assert", "persistent-cache-stale-result")
def test_eur_usd_rate_after_market_move(eur_rate, monkeypatch):
    monkeypatch.setitem(FX, "EURUSD", 1.11)
    assert eur_rate("EURUSD") == 1.11


# ---------------------------------------------------------------- joblib.Memory (disk memoisation)
DISCOUNTS = {"spring": 0.1}


@pytest.fixture(scope="module")
def memory(tmp_path_factory):
    return Memory(tmp_path_factory.mktemp("joblib-memo"), verbose=0)


@pytest.fixture(scope="module")
def campaign_discount(memory):
    def discount(campaign: str) -> float:
        return DISCOUNTS[campaign]

    return memory.cache(discount)


def test_spring_discount(campaign_discount):
    assert campaign_discount("spring") == 0.1


@leak_failure("joblib-memory", "assert", "memoized-result-stale", dist="joblib")
def test_spring_discount_raised_by_marketing(campaign_discount, monkeypatch):
    monkeypatch.setitem(DISCOUNTS, "spring", 0.25)
    assert campaign_discount("spring") == 0.25


# ---------------------------------------------------------------- beaker cache regions
beaker_cache = CacheManager(cache_regions={"short": {"type": "memory", "expire": 600}})
STOCK = {"WIDGET": 12}


@beaker_cache.region("short", "stock_level")
def stock_level(sku):
    return STOCK[sku]


def test_widget_in_stock():
    assert stock_level("WIDGET") == 12


@leak_failure("beaker", "assert", "cache-region-not-invalidated", dist="Beaker")
def test_widget_sold_out(monkeypatch):
    monkeypatch.setitem(STOCK, "WIDGET", 0)
    assert stock_level("WIDGET") == 0


# ---------------------------------------------------------------- request context kept in a ContextVar
import contextvars  # noqa: E402

current_tenant: contextvars.ContextVar[str] = contextvars.ContextVar("current_tenant", default="default")


def price_list_name() -> str:
    return f"prices-{current_tenant.get()}"


def test_price_list_for_acme_tenant():
    current_tenant.set("acme")  # the middleware sets it per request and never resets it
    assert price_list_name() == "prices-acme"


@leak_failure("contextvars", "assert", "context-var-leaks-between-tests", dist=None)
def test_default_price_list():
    assert price_list_name() == "prices-default"


# ---------------------------------------------------------------- django settings mutated in a test
def test_checkout_in_maintenance_mode():
    from django.conf import settings

    settings.STORE_MAINTENANCE = True  # should have been override_settings(...)
    assert settings.STORE_MAINTENANCE


@leak_failure("django-settings", "assert", "settings-mutation-leak", dist="Django")
def test_checkout_open_by_default():
    from django.conf import settings

    assert not getattr(settings, "STORE_MAINTENANCE", False), "store still in maintenance mode"
