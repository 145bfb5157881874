from __future__ import annotations

import pytest

from .inventory_client import (
    InventoryClient,
    bulk_stock,
    dependencies_ready,
    price_list,
    service_version,
    warehouses,
)


@pytest.mark.failure(category="other", library="httpx", shape="raised", cause="http-service-unavailable")
def test_available_stock_for_desk_lamp(inventory_service_url):
    assert InventoryClient(inventory_service_url).available("SKU-2") >= 0


@pytest.mark.failure(category="other", library="httpx", shape="chained", cause="http-service-unavailable")
def test_reserve_returns_reservation_id(inventory_service_url):
    assert InventoryClient(inventory_service_url).reserve("SKU-2", 1).startswith("res_")


@pytest.mark.asyncio
@pytest.mark.failure(category="other", library="httpx", shape="async", cause="http-service-unavailable")
async def test_list_warehouses(inventory_service_url):
    assert "AMS-1" in await warehouses(inventory_service_url)


@pytest.mark.failure(category="other", library="requests", shape="raised", cause="http-service-unavailable")
def test_price_list_has_eur_prices(inventory_service_url):
    assert all(p.endswith("EUR") for p in price_list(inventory_service_url).values())


@pytest.mark.failure(category="other", library="requests", shape="setup", cause="http-service-unavailable")
def test_reservations_listing_requires_token(authed_session, inventory_service_url):
    resp = authed_session.get(f"{inventory_service_url}/v1/reservations", timeout=2)
    assert resp.status_code == 200


@pytest.mark.failure(category="other", library="requests", shape="assert", cause="http-service-unavailable")
def test_inventory_dependencies_ready(inventory_service_url):
    assert dependencies_ready(inventory_service_url), f"inventory service at {inventory_service_url} is not ready"


@pytest.mark.asyncio
@pytest.mark.failure(category="other", library="aiohttp", shape="async", cause="http-service-unavailable")
async def test_bulk_stock_lookup(inventory_service_url):
    stock = await bulk_stock(inventory_service_url, ["SKU-1", "SKU-2"])
    assert set(stock) == {"SKU-1", "SKU-2"}


@pytest.mark.failure(category="other", library="urllib", dist=None, shape="raised", cause="http-service-unavailable")
def test_service_version_is_semver(inventory_service_url):
    assert service_version(inventory_service_url).count(".") == 2
