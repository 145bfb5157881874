import httpx
import pytest
import requests
from urllib3.util.retry import Retry

from .supplier import (
    AsyncSupplierClient,
    SupplierClient,
    export_catalog,
    fetch_stock_httpx,
    reserve_stock,
    supplier_url,
    sync_stock_level,
)


@pytest.fixture
def base_url():
    return supplier_url()


@pytest.fixture
def client(base_url):
    return SupplierClient(base_url)


def test_stock_lookup_returns_on_hand(client):
    assert client.stock("SKU-100")["on_hand"] == 12


def test_stock_for_every_sku_in_the_kit(client):
    assert [client.stock(sku)["sku"] for sku in ("SKU-101", "SKU-102", "SKU-103")] == ["SKU-101", "SKU-102", "SKU-103"]


@pytest.mark.failure(category="7", library="requests", shape="assert", cause="supplier-key-quota-used-up-by-earlier-tests")
def test_restock_report_reads_stock(client):
    resp = client.stock_response("SKU-200")
    assert resp.status_code == 200


@pytest.mark.failure(category="7", library="requests", shape="raised", cause="supplier-key-quota-used-up-by-earlier-tests")
def test_stock_lookup_for_bundle(client):
    assert client.stock("SKU-300")["on_hand"] > 0


@pytest.mark.failure(category="7", library="httpx", shape="raised", cause="supplier-key-quota-used-up-by-earlier-tests")
def test_stock_lookup_with_httpx_client(base_url):
    assert fetch_stock_httpx(base_url, "SKU-301")["on_hand"] == 12


@pytest.mark.failure(category="7", library="tenacity", shape="raised", cause="retry-gives-up-on-429")
def test_sync_stock_level_updates_count(base_url):
    assert sync_stock_level(base_url, "SKU-302") == 12


@pytest.mark.failure(category="7", library="stamina", shape="raised", cause="retry-gives-up-on-429")
def test_reserve_stock_for_order(base_url):
    assert reserve_stock(base_url, "SKU-303")["sku"] == "SKU-303"


@pytest.mark.failure(category="7", library="backoff", shape="raised", cause="retry-gives-up-on-429")
def test_stock_lookup_backs_off_on_transient_errors(client):
    assert client.stock_with_backoff("SKU-304")["on_hand"] == 12


@pytest.mark.failure(category="7", library="urllib3", shape="chained", cause="status-forcelist-429-retries-exhausted")
def test_stock_lookup_through_retrying_adapter(base_url):
    client = SupplierClient(base_url, retries=Retry(total=2, status_forcelist=[429], backoff_factor=0, respect_retry_after_header=False))
    assert client.stock("SKU-305")["on_hand"] == 12


@pytest.mark.timeout(3)
@pytest.mark.failure(category="7", library="urllib3", shape="timeout", cause="retry-after-60s-honoured-in-test")
def test_stock_lookup_honours_server_hints(base_url):
    client = SupplierClient(base_url, retries=Retry(total=3, status_forcelist=[429]))
    assert client.stock("SKU-306")["on_hand"] == 12


@pytest.mark.failure(category="7", library="urllib3", shape="assert", cause="status-forcelist-429-retries-exhausted")
def test_stock_response_after_adapter_retries(base_url):
    client = SupplierClient(base_url, retries=Retry(total=2, status_forcelist=[429], backoff_factor=0, respect_retry_after_header=False, raise_on_status=False))
    resp = client.stock_response("SKU-307")
    assert resp.status_code == 200, resp.text


@pytest.mark.failure(category="7", library="httpx", shape="async", cause="supplier-key-quota-used-up-by-earlier-tests")
async def test_async_stock_lookup(base_url):
    client = AsyncSupplierClient(base_url)
    try:
        assert (await client.stock("SKU-308"))["on_hand"] == 12
    finally:
        await client.aclose()


@pytest.mark.failure(category="7", library="requests", shape="raised", cause="retry-after-http-date-parsed-as-int")
def test_price_list_is_fetched(client):
    assert client.prices()


@pytest.mark.failure(category="7", library="requests", shape="raised", cause="retry-after-fractional-seconds")
def test_bulk_price_list_is_fetched(client):
    assert client.bulk_prices()


@pytest.mark.timeout(3)
@pytest.mark.failure(category="7", library="tenacity", shape="timeout", cause="retry-after-30s-honoured-in-test")
def test_catalog_export_contains_items(base_url):
    assert export_catalog(base_url)["items"]


def test_known_order_lookup(client):
    assert client.order("PO-1001") == {"id": "PO-1001", "lines": 3}


@pytest.mark.failure(category="other", library="requests", shape="raised", cause="http-404-unknown-resource")
def test_order_lookup_for_archived_order(client):
    assert client.order("PO-0999")["lines"] == 2


@pytest.mark.failure(category="other", library="requests", shape="raised", cause="http-500-server-error")
def test_order_lookup_for_migrated_order(client):
    assert client.order("PO-0000")["lines"] == 0


@pytest.mark.failure(category="other", library="requests", shape="raised", cause="http-403-missing-scope")
def test_order_lookup_with_readonly_key(base_url):
    assert SupplierClient(base_url, api_key="readonly").order("PO-1001")["lines"] == 3
