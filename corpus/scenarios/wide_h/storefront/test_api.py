import pytest

from .app import app


@pytest.fixture
def client():
    return app.test_client()


async def test_product_page(client):
    resp = await client.get("/products/p-1")
    assert (await resp.get_json())["name"] == "Walnut desk"


async def test_second_product_page(client):
    resp = await client.get("/products/p-2")
    assert resp.status_code == 200


@pytest.mark.failure(category="other", library="quart", shape="assert", cause="unknown-route-param-404")
async def test_product_page_for_bundle(client):
    resp = await client.get("/products/bundle-7")
    assert resp.status_code == 200


@pytest.mark.failure(category="7", library="quart-rate-limiter", shape="assert", cause="memory-store-shared-across-tests")
async def test_product_price_is_formatted(client):
    resp = await client.get("/products/p-1")
    assert resp.status_code == 200
    assert (await resp.get_json())["price"] == "349.00"


@pytest.mark.failure(category="7", library="quart-rate-limiter", shape="assert", cause="memory-store-shared-across-tests")
async def test_product_payload_keys(client):
    resp = await client.get("/products/p-2")
    assert await resp.get_json() == {"id": "p-2", "name": "Oak shelf", "price": "129.00"}


async def test_add_to_cart(client):
    resp = await client.post("/cart", json={"product": "p-1", "qty": 1})
    assert resp.status_code == 201


@pytest.mark.failure(category="other", library="quart", shape="assert", cause="handler-error-500")
async def test_add_bulk_order_to_cart(client):
    resp = await client.post("/cart", json={"product": "p-2", "qty": 40})
    assert resp.status_code == 201


@pytest.mark.failure(category="7", library="quart-rate-limiter", shape="assert", cause="memory-store-shared-across-tests")
async def test_cart_returns_quantity(client):
    resp = await client.post("/cart", json={"product": "p-2", "qty": 2})
    assert (resp.status_code, (await resp.get_json() or {}).get("qty")) == (201, 2)


@pytest.mark.failure(category="7", library="quart-rate-limiter", shape="assert", cause="memory-store-shared-across-tests")
async def test_cart_then_checkout_flow(client):
    resp = await client.post("/cart", json={"product": "p-1", "qty": 1})
    assert resp.status_code == 201, await resp.get_data(as_text=True)
