import httpx
import pytest
import respx

from shop.config import get_settings
from shop.suppliers import SupplierClient

BASE = get_settings().supplier_base_url


@pytest.fixture
def supplier_api():
    with respx.mock(base_url=BASE, assert_all_called=False) as mock:
        mock.get("/health").mock(return_value=httpx.Response(200, json={"ok": True}))
        mock.get("/v1/stock/SKU-404").mock(return_value=httpx.Response(404))
        mock.get(path__regex=r"/v1/stock/(?P<sku>SKU-\d+)").mock(
            side_effect=lambda request, sku: httpx.Response(200, json={"sku": sku, "quantity": 12}))
        yield mock


@pytest.fixture
def supplier():
    return SupplierClient(BASE)


def test_supplier_health(supplier_api, supplier):
    assert supplier.health()


def test_stock_lookup(supplier_api, supplier):
    assert supplier.stock("SKU-1") == 12


def test_stock_unknown_sku(supplier_api, supplier):
    with pytest.raises(httpx.HTTPStatusError):
        supplier.stock("SKU-404")


def test_lead_time_parsing(supplier):
    with respx.mock(base_url=BASE) as mock:
        mock.get("/v1/lead-time/SKU-2").mock(return_value=httpx.Response(200, json={"days": "4"}))
        assert supplier.lead_time("SKU-2") == 4


def test_external_api_call(supplier_api, supplier):
    synced = supplier.sync("SKU-1")
    assert synced.quantity == 12


def test_sync_all_skus(supplier_api, supplier):
    synced = [supplier.sync(f"SKU-{i}") for i in (1, 2, 3)]
    assert sum(s.quantity for s in synced) == 36
