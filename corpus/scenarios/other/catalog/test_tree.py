from __future__ import annotations

import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from .tree import (
    Category,
    LazyProduct,
    breadcrumbs_json,
    decode_sku_list,
    encode_sku_list,
    fetch_all,
    page_count,
    page_links,
    paginate,
    slugify,
    sort_products,
    sort_versions,
    top_rated,
)


@pytest.fixture
def kitchen() -> Category:
    root = Category("Home")
    kitchen = root.add(Category("Kitchen"))
    kitchen.add(Category("Coffee"))
    return kitchen


# --- cycles and unbounded recursion --------------------------------------------------------

@pytest.mark.failure(category="other", library="catalog", dist=None, shape="raised", cause="unbounded-recursion")
def test_count_products_after_moving_category(kitchen):
    coffee = kitchen.children[0]
    coffee.add(kitchen.parent)  # the admin moved "Home" under "Coffee" by mistake
    assert kitchen.count_products() == 3


@pytest.mark.failure(category="other", library="catalog", dist=None, shape="raised", cause="unbounded-recursion")
def test_depth_of_self_parented_category():
    orphan = Category("Sale")
    orphan.parent = orphan
    assert orphan.depth() == 0


@pytest.mark.failure(category="other", library="json", dist=None, shape="raised", cause="json-unserializable-type")
def test_breadcrumbs_payload(kitchen):
    assert '"Kitchen"' in breadcrumbs_json(kitchen.children[0])


@pytest.mark.failure(category="other", library="catalog", dist=None, shape="raised", cause="unbounded-recursion")
def test_lazy_product_price_in_eur():
    assert LazyProduct({"price_eur": 12.0}).price == 12.0


@pytest.mark.failure(category="other", library="catalog", dist=None, shape="raised", cause="unbounded-recursion")
def test_deep_category_export():
    root = node = Category("root")
    for i in range(sys.getrecursionlimit() + 10):
        node = node.add(Category(f"level-{i}"))
    assert root.to_dict()["name"] == "root"


def deep_merge(base: dict, override: dict) -> dict:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


@pytest.mark.failure(category="other", library="catalog", dist=None, shape="raised", cause="unbounded-recursion")
def test_merge_facet_config_with_self_reference():
    facets = {"color": {"values": ["red", "blue"]}}
    facets["color"]["inherit"] = facets  # "inherit from the root config"
    merged = deep_merge(facets, facets)
    assert merged["color"]["values"] == ["red", "blue"]


# --- pagination off-by-one -----------------------------------------------------------------

PRODUCTS = [f"P{i:02d}" for i in range(1, 24)]  # 23 products


@pytest.mark.failure(category="other", library="catalog", dist=None, shape="assert", cause="pagination-off-by-one")
def test_page_count_rounds_up():
    assert page_count(len(PRODUCTS), 10) == 3


@pytest.mark.failure(category="other", library="catalog", dist=None, shape="assert", cause="pagination-off-by-one")
def test_first_page_starts_with_first_product():
    assert paginate(PRODUCTS, page=1, per_page=10)[0] == "P01"


@pytest.mark.failure(category="other", library="catalog", dist=None, shape="assert", cause="pagination-off-by-one")
def test_last_page_has_remaining_items():
    assert paginate(PRODUCTS, page=3, per_page=10) == ["P21", "P22", "P23"]


@pytest.mark.failure(category="other", library="catalog", dist=None, shape="assert", cause="pagination-off-by-one")
def test_page_links_include_last_page():
    assert page_links(len(PRODUCTS), 10, current=1) == [1, 2, 3]


@pytest.mark.failure(category="other", library="catalog", dist=None, shape="assert", cause="pagination-off-by-one")
def test_cursor_pagination_collects_everything():
    def fetch_page(cursor, per_page):
        start = int(cursor or 0)
        batch = PRODUCTS[start + 1 : start + 1 + per_page] if cursor else PRODUCTS[:per_page]
        nxt = start + per_page
        return batch, (str(nxt) if nxt < len(PRODUCTS) else None)

    assert fetch_all(fetch_page, per_page=5) == PRODUCTS


# --- loops that never end (pytest-timeout) -------------------------------------------------

@pytest.mark.timeout(1)
@pytest.mark.failure(category="other", library="pytest-timeout", shape="timeout", cause="non-terminating-loop")
def test_cursor_api_returning_same_cursor():
    def fetch_page(cursor, per_page):
        return PRODUCTS[:per_page], "page-2"  # server bug: next cursor never changes

    assert len(fetch_all(fetch_page)) == len(PRODUCTS)


@pytest.mark.timeout(1)
@pytest.mark.failure(category="other", library="pytest-timeout", shape="timeout", cause="non-terminating-loop")
def test_collatz_batch_sizes():
    def next_batch(n: int) -> int:
        while n != 1:
            n = n // 2 if n % 2 == 0 else 3 * n + 1
            if n == 4:
                n = 2 * n  # 'skip small batches' tweak
        return n

    assert next_batch(6) == 1


@pytest.mark.timeout(1)
@pytest.mark.failure(category="other", library="pytest-timeout", shape="timeout", cause="non-terminating-loop")
def test_find_free_slug():
    taken = {"mug", "mug-1", "mug-2"}

    def free_slug(base: str) -> str:
        slug, i = base, 1
        while slug in taken:
            slug = f"{base}-{i}"
        return slug

    assert free_slug("mug") == "mug-3"


@pytest.mark.timeout(1)
@pytest.mark.failure(category="other", library="pytest-timeout", shape="timeout", cause="non-terminating-loop")
def test_price_converges_after_discounts():
    price = 100.0
    while price != 50.0:
        price = price * 0.9 + 5.0001
    assert price == 50.0


# --- sort order assumptions ----------------------------------------------------------------

@pytest.mark.failure(category="other", library="sorted", dist=None, shape="assert", cause="sort-order-assumption")
def test_products_sorted_case_insensitively():
    products = [{"name": "espresso"}, {"name": "Americano"}, {"name": "latte"}, {"name": "Cortado"}, {"name": "cappuccino"}]
    assert [p["name"] for p in sort_products(products)] == ["Americano", "cappuccino", "Cortado", "espresso", "latte"]


@pytest.mark.failure(category="other", library="sorted", dist=None, shape="assert", cause="sort-order-assumption")
def test_release_versions_sorted():
    assert sort_versions(["1.10.0", "1.2.0", "1.9.3"]) == ["1.2.0", "1.9.3", "1.10.0"]


@pytest.mark.failure(category="other", library="sorted", dist=None, shape="assert", cause="sort-order-assumption")
def test_top_rated_ties_broken_by_sku():
    products = [{"sku": "B", "rating": 4.5}, {"sku": "A", "rating": 4.5}, {"sku": "C", "rating": 4.0}]
    assert top_rated(products, 2) == ["A", "B"]


@pytest.mark.failure(category="other", library="sorted", dist=None, shape="raised", cause="sort-order-assumption")
def test_sort_products_with_missing_names():
    products = [{"name": "Latte"}, {"name": None}, {"name": "Mocha"}]
    assert sort_products(products)[-1]["name"] is None


@pytest.mark.failure(category="other", library="sorted", dist=None, shape="assert", cause="sort-order-assumption")
def test_accented_names_sorted_alphabetically():
    products = [{"name": "Éclair"}, {"name": "Donut"}, {"name": "Financier"}]
    assert [p["name"] for p in sort_products(products)] == ["Donut", "Éclair", "Financier"]


# --- property-based tests ------------------------------------------------------------------

@pytest.mark.failure(category="other", library="hypothesis", shape="raised", cause="property-counterexample")
@given(st.lists(st.text(min_size=1)))
def test_sku_list_roundtrip(skus):
    assert decode_sku_list(encode_sku_list(skus)) == skus


@pytest.mark.failure(category="other", library="hypothesis", shape="raised", cause="property-counterexample")
@given(st.text(min_size=1))
def test_slug_is_url_safe(text):
    import re

    assert re.fullmatch(r"[a-z0-9-]*", slugify(text))


@pytest.mark.failure(category="other", library="hypothesis", shape="raised", cause="property-counterexample")
@given(st.text(min_size=1))
def test_slug_is_never_empty(name):
    assert slugify(name) != ""


@pytest.mark.failure(category="other", library="hypothesis", shape="raised", cause="property-counterexample")
@given(st.integers(min_value=0, max_value=500), st.integers(min_value=1, max_value=50))
def test_pages_cover_all_items(total, per_page):
    items = list(range(total))
    pages = [paginate(items, p, per_page) for p in range(page_count(total, per_page))]
    assert sum(len(p) for p in pages) == total
