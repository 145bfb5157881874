import pytest

from . import store


@pytest.fixture(autouse=True)
def products():
    store.load_fixtures()


# werkzeug cached_property on the module-level config


@pytest.fixture
def swiss_storefront(monkeypatch):
    monkeypatch.setenv("STORE_CURRENCY", "CHF")


@pytest.fixture
def reduced_vat(monkeypatch):
    monkeypatch.setenv("STORE_VAT", "0.07")


def test_default_currency():
    got = store.config.currency
    assert got == "EUR"


@pytest.mark.failure(category="4", library="werkzeug", shape="assert", cause="cached-property-on-module-config-ignores-env")
def test_swiss_storefront_currency(swiss_storefront):
    got = store.config.currency
    assert got == "CHF"


def test_keyboard_gross_price():
    got = store.gross_price("KB-1")
    assert got == 5999


@pytest.mark.failure(category="4", library="werkzeug", shape="assert", cause="cached-property-on-module-config-ignores-env")
def test_reduced_vat_gross_price(reduced_vat):
    got = store.gross_price("KB-1")
    assert got == 5349


def test_featured_products():
    got = store.config.featured
    assert got == ["KB-1", "MS-2"]


@pytest.mark.failure(category="4", library="werkzeug", shape="assert", cause="cached-property-computed-from-previous-test-data")
def test_monitor_featured_after_delivery():
    store.PRODUCTS["MN-3"]["stock"] = 25
    featured = store.config.featured
    assert "MN-3" in featured


# boltons cacheutils


def test_keyboard_list_price():
    got = store.list_price("KB-1")
    assert got == 4999


@pytest.mark.failure(category="4", library="boltons", shape="assert", cause="lru-cache-not-cleared-after-price-change")
def test_price_drop_is_visible():
    store.PRODUCTS["KB-1"]["price"] = 3999
    got = store.list_price("KB-1")
    assert got == 3999


def test_input_devices():
    got = store.INPUT_DEVICES.skus
    assert got == ["KB-1", "MS-2"]


@pytest.mark.failure(category="4", library="boltons", shape="assert", cause="cachedproperty-on-module-singleton")
def test_new_tablet_is_input_device():
    store.PRODUCTS["TB-4"] = {"name": "Drawing tablet", "price": 8999, "stock": 2, "tags": ["input"]}
    got = store.INPUT_DEVICES.skus
    assert got == ["KB-1", "MS-2", "TB-4"]


def test_mouse_list_price():
    got = store.list_price("MS-2")
    assert got == 1999


@pytest.mark.failure(category="4", library="boltons", shape="assert", cause="lru-cache-returns-deleted-product")
def test_discontinued_product_has_no_price():
    del store.PRODUCTS["MS-2"]
    with pytest.raises(KeyError):
        store.list_price("MS-2")


# cachebox


def test_monitor_stock_level():
    got = store.stock_level("MN-3")
    assert got == 4


@pytest.mark.failure(category="4", library="cachebox", shape="assert", cause="memoized-stock-level-survives-between-tests")
def test_monitor_sold_out():
    store.PRODUCTS["MN-3"]["stock"] = 0
    got = store.stock_level("MN-3")
    assert got == 0


def test_search_mouse():
    got = store.search("mouse")
    assert got == ("MS-2",)


@pytest.mark.failure(category="4", library="cachebox", shape="assert", cause="ttl-cache-longer-than-test-session")
def test_search_finds_new_gaming_mouse():
    store.PRODUCTS["GM-5"] = {"name": "Gaming mouse", "price": 5999, "stock": 9, "tags": ["input"]}
    got = store.search("mouse")
    assert got == ("GM-5", "MS-2")


@pytest.mark.failure(category="4", library="cachebox", shape="raised", cause="memoized-stock-level-survives-between-tests")
def test_restocked_monitor_can_fill_order():
    store.PRODUCTS["MN-3"]["stock"] = 10
    level = store.stock_level("MN-3")
    if level < 6:
        raise AssertionError(f"cannot fill order of 6 monitors, only {level} in stock")


# cacheout


def test_keyboard_page():
    got = store.product_page("KB-1")
    assert got == "Keyboard - 49.99 (12 left)"


@pytest.mark.failure(category="4", library="cacheout", shape="assert", cause="memoized-page-not-invalidated-on-update")
def test_keyboard_page_after_sale():
    store.PRODUCTS["KB-1"]["stock"] = 11
    got = store.product_page("KB-1")
    assert got == "Keyboard - 49.99 (11 left)"


def test_monitor_badge():
    got = store.badge("MN-3")
    assert got == "low stock"


@pytest.mark.failure(category="4", library="cacheout", shape="assert", cause="cache-entry-from-previous-test")
def test_monitor_badge_after_restock():
    store.PRODUCTS["MN-3"]["stock"] = 50
    got = store.badge("MN-3")
    assert got == "in stock"


@pytest.mark.failure(category="4", library="cacheout", shape="assert", cause="cache-entry-from-previous-test")
def test_keyboard_page_in_sale_currency():
    store.PRODUCTS["KB-1"]["price"] = 3999
    got = store.product_page("KB-1")
    assert "39.99" in got


# lru-dict / expiringdict


def test_recently_viewed_first_visit():
    got = store.view("ana", "KB-1")
    assert got == ["KB-1"]


@pytest.mark.failure(category="4", library="lru-dict", shape="assert", cause="module-level-lru-keeps-previous-test-history")
def test_recently_viewed_single_item():
    got = store.view("ana", "MN-3")
    assert got == ["MN-3"]


def test_monitor_available():
    got = store.is_available("MN-3")
    assert got is True


@pytest.mark.failure(category="4", library="expiringdict", shape="assert", cause="expiring-cache-outlives-test")
def test_sold_out_monitor_unavailable():
    store.PRODUCTS["MN-3"]["stock"] = 0
    got = store.is_available("MN-3")
    assert got is False


# plain bugs


@pytest.mark.failure(category="other", library="catalog-arithmetic", dist=None, shape="assert", cause="discount-applied-to-wrong-total")
def test_desk_bundle_price():
    got = store.bundle_price(["KB-1", "MS-2", "MN-3"], 10)
    assert got == 23397


@pytest.mark.failure(category="other", library="catalog-keyerror", dist=None, shape="raised", cause="dict-key-typo-in-app")
def test_restock_keyboard():
    store.PRODUCTS["MS-2"]["stock"] = 0
    got = store.restock("MS-2", 10)
    assert got == 10


@pytest.fixture
def clearance_monitor():
    store.PRODUCTS["MN-3"]["price"] = 9999
    page = store.product_page("MN-3")
    assert "99.99" in page, "clearance price not on the product page"
    return page


def test_monitor_page():
    assert store.product_page("MN-3").startswith("Monitor")


@pytest.mark.failure(category="4", library="cacheout", shape="setup", cause="memoized-page-not-invalidated-on-update")
def test_clearance_banner(clearance_monitor):
    assert clearance_monitor.endswith("left)")


@pytest.fixture
def no_leftover_badges():
    yield
    leftover = sorted(k for k in store.page_cache.keys() if str(k).startswith("badge:"))
    assert leftover == [], f"badges cached after the test: {leftover}"


@pytest.mark.failure(category="4", library="cacheout", shape="teardown", cause="cache-entries-survive-test")
def test_keyboard_badge(no_leftover_badges):
    assert store.badge("KB-1") == "in stock"


def test_keyboard_record_name():
    assert store.product_record("KB-1")["name"] == "Keyboard"


@pytest.mark.failure(category="4", library="cacheout", shape="chained", cause="memoized-record-predates-new-field")
def test_keyboard_barcode():
    store.PRODUCTS["KB-1"]["ean"] = "4006381333931"
    assert store.barcode("KB-1") == "4006381333931"
