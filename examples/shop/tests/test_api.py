from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient

from shop.api import app


@pytest.fixture(scope="module")
def client():
    with TestClient(app) as c:
        yield c


def test_health(client):
    assert client.get("/health").json() == {"status": "ok"}


def test_product_lookup(client):
    body = client.get("/products/SKU-2").json()
    assert body["sku"] == "SKU-2" and body["price"].startswith("$")


def test_product_404(client):
    assert client.get("/products/NOPE").status_code == 404


def test_quote_ok(client):
    resp = client.get("/quotes/AAPL")
    assert resp.status_code == 200


def test_quote_lowercase_symbol(client):
    assert client.get("/quotes/msft").json()["symbol"] == "MSFT"


def test_quote_unknown_symbol_404(client):
    assert client.get("/quotes/ZZZZ").status_code == 404


def test_quote_payload_fields(client):
    body = client.get("/quotes/NVDA").json()
    assert set(body) == {"symbol", "price", "currency"}


def test_bulk_quotes(client):
    statuses = [client.get(f"/quotes/{s}").status_code for s in ("VTI", "BND", "AAPL")]
    assert statuses == [200, 200, 200]


def test_concurrent_request_limiting(client):
    with ThreadPoolExecutor(max_workers=4) as pool:
        responses = list(pool.map(lambda s: client.get(f"/quotes/{s}"), ["AAPL", "MSFT", "VTI", "BND"]))
    for resp in responses:
        resp.raise_for_status()


def test_rate_limit_enforcement(client):
    """The 6th quote within a minute is rejected, the first five are served."""
    first_five = [client.get("/quotes/AAPL") for _ in range(5)]
    for resp in first_five:
        resp.raise_for_status()
    assert client.get("/quotes/AAPL").status_code == 429
