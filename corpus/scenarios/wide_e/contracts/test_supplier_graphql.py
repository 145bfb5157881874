import pytest

from . import catalog_graphql as cg

CANNED = {
    "Product": {"product": {"id": "p1", "title": "Mug", "price": {"amount": 899, "currency": "EUR"}}},
    "Stock": {"product": {"id": "p1", "stockLevel": 40}},
    "List": {"products": [{"id": "p1", "title": "Mug"}, {"id": "p2", "title": "Kettle"}]},
}
CANNED_OLD_PRICE = {"Product": {"product": {"id": "p1", "title": "Mug", "priceCents": 899}}}


def test_mug_price():
    assert cg.product_price(cg.client(CANNED), "p1") == 899


@pytest.mark.failure(category="6", library="gql", shape="raised", cause="query-field-missing-from-published-schema")
def test_mug_stock_level():
    assert cg.stock_level(cg.client(CANNED), "p1") == 40


@pytest.mark.failure(category="6", library="gql", shape="raised", cause="variable-type-differs-from-published-schema")
def test_first_two_titles():
    assert cg.first_titles(cg.client(CANNED), 2) == ["Mug", "Kettle"]


@pytest.mark.failure(category="6", library="gql", shape="raised", cause="canned-result-old-shape")
def test_mug_price_from_old_stub():
    assert cg.product_price(cg.client(CANNED_OLD_PRICE), "p1") == 899
