from decimal import Decimal

import pytest

from .price_book import CategoryIndex, PriceBook


@pytest.fixture
def repository():
    return {"KB-101": 4999, "MS-220": 1999, "HD-330": 8999}


@pytest.fixture
def book(repository):
    return PriceBook(repository)


@pytest.fixture(scope="session")
def category_cache_dir(tmp_path_factory):
    return str(tmp_path_factory.mktemp("category-index"))


def test_price_of_keyboard(book):
    assert book.price("KB-101") == 4999


def test_price_of_headset(book):
    assert book.price("HD-330") == 8999


@pytest.mark.failure(category="4", library="cachelib", shape="assert", cause="module-level-simplecache-shared-across-tests")
def test_price_reflects_catalogue_import(repository):
    repository["KB-101"] = 5499
    assert PriceBook(repository).price("KB-101") == 5499


@pytest.mark.failure(category="4", library="cachelib", shape="assert", cause="cache-add-does-not-overwrite-existing-entry")
def test_reprice_headset_for_sale(book):
    book.reprice("HD-330", 7499)
    assert book.price("HD-330") == 7499


@pytest.mark.failure(category="other", library="decimal", dist=None, shape="assert", cause="integer-truncation-instead-of-rounding")
def test_bundle_discount(book):
    # 4999 + 1999 = 6998, 15 % off = 5948.3 -> 5948 cents; the basket shows 5948.30 rounded up to 5949
    assert book.bundle_price(["MS-220", "KB-101"], 15) == 5949


@pytest.mark.failure(category="other", library="decimal", dist=None, shape="assert", cause="vat-rate-passed-as-percent")
def test_vat_inclusive_mouse_price(book):
    assert book.vat_inclusive("MS-220", Decimal(20)) == Decimal("23.99")


def test_category_index_keyboards(category_cache_dir):
    index = CategoryIndex(category_cache_dir, {"keyboards": ["KB-101", "KB-102"]})
    assert index.count("keyboards") == 2


@pytest.mark.failure(category="4", library="cachelib", shape="assert", cause="filesystemcache-dir-shared-by-session-fixture")
def test_category_index_after_new_keyboard(category_cache_dir):
    index = CategoryIndex(category_cache_dir, {"keyboards": ["KB-101", "KB-102", "KB-103"]})
    assert index.skus("keyboards") == ["KB-101", "KB-102", "KB-103"]


@pytest.mark.failure(category="other", library="cachelib", shape="raised", cause="unknown-category-key")
def test_category_index_for_catalogue_feed(category_cache_dir):
    catalogue = {"audio": ["HD-330"]}
    index = CategoryIndex(category_cache_dir, catalogue)
    feed = {name: index.count(name) for name in ("audio", "Audio")}
    assert feed["audio"] == 1
    assert catalogue["Audio"]
