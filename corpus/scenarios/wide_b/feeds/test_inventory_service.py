import pytest

from .inventory_service import DepotClient, create_app

# one gateway counter per test session, as in staging, where the gateway is shared by every test run
GATEWAY_CALLS: dict[str, int] = {}


@pytest.fixture
async def leeds_depot(aiohttp_client):
    return DepotClient(await aiohttp_client(create_app(GATEWAY_CALLS)), key="depot-leeds")


async def test_small_boxes_in_stock(leeds_depot):
    assert await leeds_depot.qty("box-s") == 120


async def test_tape_is_low(leeds_depot):
    assert await leeds_depot.low_stock(["box-m", "tape"]) == ["tape"]


@pytest.mark.failure(category="7", library="aiohttp", dist="aiohttp", shape="async", cause="gateway-quota-counter-shared-across-tests")
async def test_morning_restock_report(leeds_depot):
    assert await leeds_depot.low_stock(["box-s", "box-m", "tape"]) == ["tape"]


@pytest.mark.failure(category="7", library="aiohttp", dist="aiohttp", shape="async", cause="gateway-quota-counter-shared-across-tests")
async def test_medium_boxes_in_stock(leeds_depot):
    assert await leeds_depot.qty("box-m") == 40
