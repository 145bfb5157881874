import pytest
import requests_mock

from .catalog_client import ENDPOINT, httpx_client, low_stock, price_cents, reorder, requests_client, stock, stock_async


@pytest.fixture
def supplier():
    with requests_mock.Mocker() as m:
        yield m


def test_stock_of_sku(supplier):
    supplier.post(ENDPOINT, json={"data": {"product": {"sku": "SKU-1", "stock": 12}}})
    assert stock(requests_client(), "SKU-1") == 12


@pytest.mark.failure(category="6", library="gql", shape="raised", cause="canned-response-not-graphql-envelope")
def test_stock_of_discontinued_sku(supplier):
    # canned from the REST v1 endpoint the supplier retired
    supplier.post(ENDPOINT, json={"product": {"sku": "SKU-9", "stock": 0}})
    assert stock(requests_client(), "SKU-9") == 0


@pytest.mark.failure(category="6", library="gql", shape="raised", cause="canned-response-wrong-scalar-type")
def test_price_with_schema_validation(supplier):
    supplier.post(ENDPOINT, json={"data": {"product": {"sku": "SKU-1", "price": {"amountCents": "12.50", "currency": "EUR"}}}})
    assert price_cents(requests_client(validate=True), "SKU-1") == 1250


@pytest.mark.failure(category="6", library="gql", shape="raised", cause="canned-error-body-old-format")
def test_reorder_rejected_for_unknown_sku(supplier):
    supplier.post(ENDPOINT, json={"errors": [{"message": "Unknown SKU", "extensions": {"code": "NOT_FOUND"}}], "data": None})
    assert reorder(requests_client(), "SKU-404", 10) == "REJECTED"


@pytest.mark.failure(category="6", library="requests-mock", shape="assert", cause="canned-response-ignores-request")
def test_low_stock_report(supplier):
    supplier.post(ENDPOINT, json={"data": {"products": [{"sku": "SKU-1", "name": "Mug", "stock": 12}]}})
    assert low_stock(requests_client()) == ["SKU-7"]


@pytest.mark.failure(category="6", library="pytest-httpx", shape="raised", cause="endpoint-not-mocked")
def test_stock_via_httpx_transport(httpx_mock):
    httpx_mock.add_response(url="http://127.0.0.1:47952/graphql/", json={"data": {"product": {"sku": "SKU-1", "stock": 3}}})
    assert stock(httpx_client(), "SKU-1") == 3


@pytest.mark.failure(category="6", library="pytest-httpx", shape="async", cause="canned-response-uses-old-field-names")
async def test_stock_async(httpx_mock):
    httpx_mock.add_response(url=ENDPOINT, json={"data": {"product": {"sku": "SKU-1", "quantityOnHand": 3}}})
    assert await stock_async("SKU-1") == 3


@pytest.mark.failure(category="6", library="pytest-httpx", shape="async", cause="canned-response-not-graphql-envelope")
async def test_stock_async_of_discontinued_sku(httpx_mock):
    httpx_mock.add_response(url=ENDPOINT, status_code=200, text="OK")
    assert await stock_async("SKU-9") == 0
