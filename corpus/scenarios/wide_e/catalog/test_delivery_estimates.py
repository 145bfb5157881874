import pytest

from . import store


@pytest.fixture(autouse=True)
def products():
    store.load_fixtures()


async def test_monitor_ships_tomorrow():
    assert await store.warehouse_eta_days("MN-3") == 1


@pytest.mark.failure(category="4", library="cachebox", shape="async", cause="memoized-coroutine-result-survives-between-tests")
async def test_sold_out_monitor_ships_in_two_weeks():
    store.PRODUCTS["MN-3"]["stock"] = 0
    days = await store.warehouse_eta_days("MN-3")
    assert days == 14
