from __future__ import annotations

import pytest

from .cache import (
    ProductCache,
    broker_ready,
    cache_status,
    cached_fragment,
    enqueue_thumbnail,
    popular_products,
)


@pytest.mark.failure(category="other", library="redis", shape="raised", cause="cache-server-unavailable")
def test_product_cache_miss_returns_none(cache_url):
    cache = ProductCache(cache_url)
    assert cache.get_product("SKU-1") is None


@pytest.mark.failure(category="other", library="redis", shape="setup", cause="cache-server-unavailable")
def test_product_roundtrip(product_cache):
    product_cache.put_product("SKU-2", {"name": "Desk lamp", "price": "39.00"})
    assert product_cache.get_product("SKU-2")["name"] == "Desk lamp"


@pytest.mark.failure(category="other", library="redis", shape="chained", cause="cache-server-unavailable")
def test_invalidate_lighting_category(cache_url):
    assert ProductCache(cache_url).invalidate_category("lighting") == 0


@pytest.mark.asyncio
@pytest.mark.failure(category="other", library="redis", shape="async", cause="cache-server-unavailable")
async def test_popular_products_empty_leaderboard(cache_url):
    assert await popular_products(cache_url) == []


@pytest.mark.failure(category="other", library="redis", shape="assert", cause="cache-server-unavailable")
def test_status_page_reports_cache_ok(cache_url):
    assert cache_status(cache_url)["cache"] == "ok"


@pytest.mark.failure(category="other", library="pymemcache", shape="raised", cause="cache-server-unavailable")
def test_fragment_rendered_once(memcached_address):
    calls = []
    render = lambda: calls.append(1) or b"<nav>menu</nav>"  # noqa: E731
    cached_fragment(memcached_address, "fragment:nav", render)
    cached_fragment(memcached_address, "fragment:nav", render)
    assert len(calls) == 1


@pytest.mark.failure(category="other", library="pymemcache", shape="setup", cause="cache-server-unavailable")
def test_footer_fragment_served_from_cache(warm_fragments):
    assert warm_fragments.get("fragment:footer") == b"<footer>acme</footer>"


@pytest.mark.failure(category="other", library="kombu", shape="raised", cause="cache-server-unavailable")
def test_upload_enqueues_thumbnail_job(broker_url):
    enqueue_thumbnail(broker_url, image_id=17)


@pytest.mark.failure(category="other", library="kombu", shape="raised", cause="cache-server-unavailable")
def test_worker_broker_ready(redis_broker_url):
    broker_ready(redis_broker_url)
