import os
from decimal import Decimal
from unittest import mock

import pytest

from . import catalog
from .catalog import cart_total, discount_for, format_price, stock_level


@pytest.fixture(scope="module")
def app_client():
    app = catalog.create_app()
    return app.test_client()


def test_cart_total_with_launch_price():
    catalog.PRICES["MUG"] = 12
    assert cart_total({"MUG": 2}) == 24


@pytest.mark.failure(category="4", library="functools", dist=None, shape="assert", cause="lru-cache-stale-price-across-tests")
def test_cart_total_after_repricing(monkeypatch):
    monkeypatch.setitem(catalog.PRICES, "MUG", 15)
    assert cart_total({"MUG": 2}) == 30


def test_gold_customer_discount_promotion(monkeypatch):
    monkeypatch.setitem(catalog.PROFILES, "u1", {"name": "Ada", "tier": "gold"})
    assert discount_for("u1") == Decimal("0.10")


@pytest.mark.failure(category="4", library="cachetools", shape="assert", cause="ttlcache-profile-from-earlier-test")
def test_basic_customer_has_no_discount():
    assert catalog.PROFILES["u1"]["tier"] == "basic"
    assert discount_for("u1") == Decimal("0")


@pytest.mark.failure(category="4", library="cachetools", shape="assert", cause="stock-cache-not-invalidated-on-write")
def test_restock_visible():
    catalog.set_stock("TEE", 3)
    assert stock_level("TEE") == 3
    catalog.set_stock("TEE", 20)
    assert stock_level("TEE") == 20


def test_first_view_counts():
    assert catalog.record_view("CAP") == 1


@pytest.mark.failure(category="4", library="fakeredis", shape="assert", cause="shared-fake-server-not-flushed")
def test_view_counter_starts_at_one():
    assert catalog.record_view("CAP") == 1


def test_recently_viewed_order():
    catalog.view("u7", "MUG")
    catalog.view("u7", "TEE")
    assert catalog.recently_viewed("u7") == ["TEE", "MUG"]


@pytest.mark.failure(category="4", library="fakeredis", shape="assert", cause="redis-list-left-by-earlier-test")
def test_recently_viewed_single_item():
    catalog.view("u7", "CAP")
    assert catalog.recently_viewed("u7") == ["CAP"]


def test_eur_storefront_prices():
    os.environ["STORE_CURRENCY"] = "EUR"
    assert format_price(10) == "€10.00"


@pytest.mark.failure(category="4", library="os.environ", dist=None, shape="assert", cause="environ-set-without-monkeypatch")
def test_default_price_format():
    assert format_price(10) == "$10.00"


def test_exchange_rate_feed_is_mocked():
    patcher = mock.patch.object(catalog, "REDIS")
    fake = patcher.start()
    fake.get.return_value = "7"
    assert stock_level("HAT") == 7


@pytest.mark.failure(category="4", library="unittest.mock", dist=None, shape="assert", cause="patcher-started-never-stopped")
def test_views_counted_in_redis():
    assert catalog.record_view("MUG") == 1


def test_csv_export_formatter():
    catalog.register_formatter("csv", lambda rows: "\n".join(rows))
    assert "csv" in catalog.FORMATTERS


@pytest.mark.failure(category="4", library="module-registry", dist=None, shape="assert", cause="module-level-registry-state")
def test_default_formatters():
    catalog.register_formatter("json", lambda rows: rows)
    assert list(catalog.FORMATTERS) == ["json"]


async def test_shipping_rules_eu():
    assert (await catalog.shipping_rules("eu"))["free_over"] == 50


@pytest.mark.failure(category="4", library="async-lru", dist="async-lru", shape="assert", cause="alru-cache-not-invalidated-on-settings-change")
async def test_free_shipping_threshold_raised(monkeypatch):
    assert (await catalog.shipping_rules("us"))["free_over"] == 50
    monkeypatch.setitem(catalog.SETTINGS, "free_shipping_over", 75)
    rules = await catalog.shipping_rules("us")
    assert rules == {"region": "us", "free_over": 75}


def test_product_page(app_client):
    assert app_client.get("/products/TEE").json == {"sku": "TEE", "price": 18}


@pytest.mark.failure(category="4", library="flask-caching", dist="Flask-Caching", shape="assert", cause="cached-view-not-cleared-after-update")
def test_product_page_after_price_change(app_client, monkeypatch):
    monkeypatch.setitem(catalog.PRICES, "TEE", 18)
    assert app_client.put("/products/TEE", json={"price": 21}).json == {"ok": True}
    assert app_client.get("/products/TEE").json["price"] == 21


def test_featured(app_client):
    assert app_client.get("/featured").json == {"items": ["TEE", "MUG", "CAP"]}


@pytest.mark.failure(category="4", library="flask-caching", dist="Flask-Caching", shape="assert", cause="memoize-survives-between-tests")
def test_featured_after_cap_promo(app_client, monkeypatch):
    monkeypatch.setitem(catalog.PRICES, "CAP", 40)
    assert app_client.get("/featured").json["items"][0] == "CAP"
