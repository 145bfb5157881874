import pytest

from .warehouse_api import WarehouseClient

S = dict(library="fake-server", dist=None)


@pytest.fixture
def wms(wms_url):
    return WarehouseClient(wms_url)


def test_mouse_stock_level(wms):
    assert wms.stock_level("MS-220") == 10


@pytest.mark.failure(category="6", shape="raised", cause="fake-stock-is-flat-int-real-is-object", **S)
def test_keyboard_stock_level(wms):
    assert wms.stock_level("KB-101") == 36


@pytest.mark.failure(category="6", shape="raised", cause="fake-locations-are-strings-real-are-objects", **S)
def test_pick_bins_for_mouse(wms):
    assert wms.bins("MS-220") == ["A-07", "C-12"]


@pytest.mark.failure(category="6", shape="raised", cause="fake-reservation-response-flattened", **S)
def test_reserve_for_order(wms):
    assert wms.reserve("MS-220", 2) == "R-MS-220"


@pytest.mark.failure(category="6", shape="raised", cause="fake-list-endpoint-uses-results-not-items", **S)
def test_low_stock_report(wms):
    assert wms.low_stock(15) == ["MS-220"]


@pytest.mark.failure(category="6", shape="raised", cause="fake-does-not-implement-item-locations-for-all-items", **S)
def test_pick_bins_for_keyboard(wms):
    assert wms.bins("KB-101")


@pytest.mark.failure(category="other", library="urllib", dist=None, shape="raised", cause="sku-typo-in-request")
def test_stock_of_headset(wms):
    assert wms.stock_level("HD-33O") == 5


def test_discontinued_item_has_no_stock(wms):
    assert wms.stock_or_zero("XX-000") == 0


@pytest.mark.failure(category="6", shape="teardown", cause="fake-lacks-lifecycle-endpoint", **S)
def test_keyboard_is_still_sold(wms, wms_routes_checked):
    assert wms.discontinued("KB-101") is False
