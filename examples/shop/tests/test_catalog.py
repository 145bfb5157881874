import time
from decimal import Decimal

import pytest

from shop import catalog
from shop.catalog import format_price, get_price, get_product, search, set_price

from .conftest import scaled


@pytest.mark.parametrize("sku", [f"SKU-{i + 1}" for i in scaled(8, 25)])
def test_price_formatting(sku):
    price = get_price(sku)
    text = format_price(price)
    assert text.startswith("$")
    assert text.endswith(f"{price:.2f}"[-5:])
    assert price > Decimal("4.99")


def test_search_by_tag():
    bundles = search("bundle")
    assert bundles and all("bundle" in p.tags for p in bundles)


def test_search_by_name():
    assert [p.sku for p in search("product 12")][:1] == ["SKU-12"]


def test_unknown_sku_raises():
    with pytest.raises(LookupError):
        get_product("SKU-0")


def test_discount_zero_by_default():
    assert catalog.discounted(Decimal("19.99")) == Decimal("19.99")


def test_bulk_price_import(tmp_path):
    rows = [f"SKU-{i},{Decimal(i) / 7:.2f}" for i in range(1, 4001)]
    src = tmp_path / "prices.csv"
    src.write_text("\n".join(rows))
    parsed = {}
    for line in src.read_text().splitlines():
        sku, price = line.split(",")
        parsed[sku] = Decimal(price)
    time.sleep(0.6)  # the importer waits for the nightly batch window to open
    assert len(parsed) == 4000


@pytest.mark.parametrize("sku", [f"SKU-{i + 1}" for i in scaled(1, 1)])
def test_price_reflects_update(sku):
    before = get_price(sku)
    new_price = (before * Decimal("0.85")).quantize(Decimal("0.01"))
    set_price(sku, new_price)
    assert get_product(sku).price == new_price
    assert get_price(sku) == new_price
