import pytest
import requests

from .. import stub_http
from .supplier_client import make_session, prices, product

PRODUCTS = {"KB-01": {"sku": "KB-01", "price": 49.0}, "MS-02": {"sku": "MS-02", "price": 19.5}, "HD-03": {"sku": "HD-03", "price": 89.0}}
BURST = {"n": 0}


def catalog_route(method, path, body):
    sku = path.rsplit("/", 1)[-1]
    if sku == "BURST":
        BURST["n"] += 1
        return 429, {"Retry-After": "60"}, {"error": "too many requests"}
    if sku not in PRODUCTS:
        return 404, {}, {"error": f"no product {sku}"}
    if sku == "HD-03":
        return 200, {}, {"sku": sku, "price": "89.00"}
    return 200, {}, PRODUCTS[sku]


@pytest.fixture(scope="module", autouse=True)
def catalog():
    return stub_http.serve(47813, catalog_route)


def test_keyboard_price():
    assert product("KB-01")["price"] == 49.0


def test_mouse_price():
    assert product("MS-02")["price"] == 19.5


@pytest.mark.failure(category="7", library="requests-ratelimiter", dist="requests-ratelimiter", shape="raised", cause="module-session-bucket-shared-across-tests")
def test_price_sheet_for_desk_bundle():
    assert prices(["KB-01", "MS-02"]) == {"KB-01": 49.0, "MS-02": 19.5}


@pytest.mark.failure(category="7", library="requests-ratelimiter", dist="requests-ratelimiter", shape="raised", cause="module-session-bucket-shared-across-tests")
def test_keyboard_lookup_after_sync():
    assert product("KB-01")["sku"] == "KB-01"


@pytest.mark.failure(category="7", library="requests-ratelimiter", dist="requests-ratelimiter", shape="timeout", cause="limiter-blocks-until-bucket-refills")
@pytest.mark.timeout(2)
def test_full_catalog_refresh():
    session = make_session(max_delay=None)
    assert len(prices(["KB-01", "MS-02", "KB-01", "MS-02"], session)) == 2


@pytest.mark.failure(category="7", library="requests-ratelimiter", dist="requests-ratelimiter", shape="raised", cause="429-response-fills-bucket")
def test_retry_after_burst_from_supplier():
    session = make_session(max_delay=0.2)
    first = session.get("http://127.0.0.1:47813/products/BURST", timeout=2)
    assert first.status_code == 429
    assert product("MS-02", session)["price"] == 19.5


@pytest.mark.failure(category="other", library="requests-ratelimiter", dist="requests-ratelimiter", shape="raised", cause="discontinued-sku-404")
def test_discontinued_sku_price():
    assert product("TB-99", make_session())["price"] > 0


@pytest.mark.failure(category="other", library="requests-ratelimiter", dist="requests-ratelimiter", shape="raised", cause="price-returned-as-string")
def test_bundle_total():
    session = make_session()
    assert sum(prices(["KB-01", "HD-03"], session).values()) == 138.0
