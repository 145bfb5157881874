from __future__ import annotations

import pytest

from db_cache.services import webapp
from db_cache.services.webapp import cache, create_app, get_product, set_stock

fc_failure = lambda shape, cause: pytest.mark.failure(  # noqa: E731
    category="4", library="flask-caching", dist="Flask-Caching", shape=shape, cause=cause
)

app = create_app()  # module-level app, shared by all tests


@pytest.fixture
def client():
    with app.test_client() as c:
        yield c


@pytest.fixture
def ctx():
    with app.app_context():
        yield


def test_product_page(client):
    assert client.get("/products/1").get_json()["stock"] == 10


@fc_failure("assert", "cached-view-stale")
def test_product_page_after_restock(client, monkeypatch):
    monkeypatch.setitem(webapp.PRODUCTS, 1, {"name": "Desk", "stock": 25})
    assert client.get("/products/1").get_json() == {"name": "Desk", "stock": 25}


@fc_failure("assert", "cache-key-ignores-query")
def test_search_filters_by_query(client):
    assert client.get("/search?q=desk").get_json() == ["Desk"]
    assert client.get("/search?q=chair").get_json() == ["Chair"]


def test_chair_stock(ctx):
    assert get_product(2)["stock"] == 4


@fc_failure("assert", "delete-memoized-mismatch")
def test_stock_update_invalidates_memo(ctx):
    set_stock(2, 0)
    assert get_product(2)["stock"] == 0


@pytest.fixture
def cold_cache(ctx):
    assert cache.get("view//products/1") is None, "view cache is warm before the test"
    yield cache


@fc_failure("setup", "cache-not-cleared")
def test_first_request_renders(cold_cache, client):
    assert client.get("/products/1").status_code == 200


@fc_failure("raised", "cached-view-stale")
def test_discontinued_product_404(client, monkeypatch):
    monkeypatch.delitem(webapp.PRODUCTS, 1)
    resp = client.get("/products/1")
    assert resp.status_code == 404, resp.get_json()


def test_cache_product_dict(ctx):
    cache.set("featured", {"ids": [1, 2]})


@fc_failure("assert", "cache-not-cleared")
def test_featured_defaults_empty(ctx):
    featured = cache.get("featured") or {"ids": []}
    assert featured["ids"] == []
