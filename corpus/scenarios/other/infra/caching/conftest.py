from __future__ import annotations

import pytest
import redis

from .cache import ProductCache, fragment_client


@pytest.fixture
def product_cache(cache_url):
    cache = ProductCache(cache_url)
    cache.client.flushdb()
    yield cache
    cache.client.flushdb()


@pytest.fixture
def warm_fragments(memcached_address):
    client = fragment_client(memcached_address)
    client.set("fragment:footer", b"<footer>acme</footer>")
    return client


@pytest.fixture
def broker_url():
    return "amqp://guest:guest@127.0.0.1:5699//"


@pytest.fixture
def redis_broker_url(cache_url):
    return cache_url.rsplit("/", 1)[0] + "/1"
