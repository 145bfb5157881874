from __future__ import annotations

import pytest

from .schemas import (
    event_errors,
    parse_french_date,
    parse_partner_decimal,
    parse_partner_price,
    use_french_locale,
    validate_event,
)


def order_event(**overrides) -> dict:
    event = {"order_id": "ORD-000123", "total": 49.9, "currency": "EUR", "items": [{"sku": "SKU-1001", "qty": 1}]}
    event.update(overrides)
    return event


@pytest.fixture
def published_event() -> dict:
    event = order_event(coupon="SPRING24")
    validate_event(event)
    return event


@pytest.mark.failure(category="other", library="jsonschema", shape="raised", cause="schema-contract-violation")
def test_order_placed_event_with_short_id():
    validate_event(order_event(order_id="ORD-123"))


@pytest.mark.failure(category="other", library="jsonschema", shape="raised", cause="schema-contract-violation")
def test_order_placed_event_quantities():
    validate_event(order_event(items=[{"sku": "SKU-1001", "qty": 0.5}]))


@pytest.mark.failure(category="other", library="jsonschema", shape="setup", cause="schema-contract-violation")
def test_coupon_is_published(published_event):
    assert published_event["coupon"] == "SPRING24"


@pytest.mark.failure(category="other", library="jsonschema", shape="assert", cause="schema-contract-violation")
def test_swiss_order_event_is_valid():
    assert event_errors(order_event(currency="CHF", total="49.90")) == []


@pytest.mark.failure(category="other", library="jsonschema", shape="raised", cause="schema-contract-violation")
def test_empty_cart_event():
    validate_event(order_event(items=[]))


@pytest.mark.failure(category="other", library="float", dist=None, shape="raised", cause="locale-number-format")
def test_partner_price_with_decimal_comma():
    assert parse_partner_price("3,90 €") == 3.9


@pytest.mark.failure(category="other", library="decimal", dist=None, shape="raised", cause="locale-number-format")
def test_partner_decimal_with_thousands_separator():
    assert parse_partner_decimal("1 204,50") == 1204.5


@pytest.mark.failure(category="other", library="locale", dist=None, shape="raised", cause="locale-number-format")
def test_french_locale_formatting():
    use_french_locale()


@pytest.mark.failure(category="other", library="datetime", dist=None, shape="raised", cause="locale-number-format")
def test_french_delivery_date():
    assert parse_french_date("3 juin 2024").month == 6


@pytest.mark.failure(category="other", library="int", dist=None, shape="raised", cause="locale-number-format")
def test_stock_quantity_with_narrow_nbsp():
    assert int("1\u202f204") == 1204
