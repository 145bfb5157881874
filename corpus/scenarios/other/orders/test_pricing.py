from __future__ import annotations

import asyncio
import json
import math
from datetime import datetime, timezone
from decimal import Decimal

import numpy as np
import pytest

from .pricing import (
    CATALOG,
    Line,
    Order,
    OrderStatus,
    average_order_value,
    bulk_discount,
    conversion_rate,
    growth,
    loyalty_points,
    median_basket_size,
    normalised_scores,
    order_event_payload,
    order_to_json,
    order_total,
    parse_status,
    split_bill,
    unit_price,
    vat_for,
)


@pytest.fixture
def mixed_order() -> Order:
    return Order(id=42, lines=[Line("SKU-1001", 2), Line("SKU-2001", 1)])


@pytest.fixture
def discontinued_order() -> Order:
    order = Order(id=7, lines=[Line("SKU-1001", 1), Line("SKU-0999", 3)])
    order.total = order_total(order)  # precomputed for the invoice tests
    return order


# --- KeyError in business logic -------------------------------------------------------------

@pytest.mark.failure(category="other", library="orders", dist=None, shape="raised", cause="missing-dict-key")
def test_order_total_with_gift_card(mixed_order):
    assert order_total(mixed_order) == Decimal("109.76")


@pytest.mark.failure(category="other", library="orders", dist=None, shape="raised", cause="missing-dict-key")
def test_unit_price_for_lowercase_sku():
    assert unit_price("sku-1002") == Decimal("39.00")


@pytest.mark.failure(category="other", library="orders", dist=None, shape="setup", cause="missing-dict-key")
def test_invoice_lists_discontinued_items(discontinued_order):
    assert len(discontinued_order.lines) == 2


async def enrich_webhook(payload: dict) -> dict:
    await asyncio.sleep(0)
    customer = payload["customer"]
    return {"email": customer["email"], "city": customer["shipping_address"]["city"]}


@pytest.mark.asyncio
@pytest.mark.failure(category="other", library="orders", dist=None, shape="async", cause="missing-dict-key")
async def test_webhook_enrichment_for_pickup_order():
    payload = {"id": 9, "customer": {"email": "ana@example.com", "pickup_store": "Lyon"}}
    enriched = await enrich_webhook(payload)
    assert enriched["email"] == "ana@example.com"


@pytest.mark.failure(category="other", library="orders", dist=None, shape="raised", cause="missing-dict-key")
def test_vat_rate_for_every_catalog_item():
    rates = {sku: vat_for(sku) for sku in CATALOG}
    assert all(rate >= 0 for rate in rates.values())


# --- wrong business calculation -----------------------------------------------------------

@pytest.mark.failure(category="other", library="orders", dist=None, shape="assert", cause="business-rule-bug")
def test_bulk_discount_applies_from_ten_items():
    assert bulk_discount(200.0, 10) == pytest.approx(180.0)


@pytest.mark.failure(category="other", library="orders", dist=None, shape="assert", cause="business-rule-bug")
def test_loyalty_points_doubled_at_exactly_one_hundred():
    assert loyalty_points(100.0) == 200


@pytest.mark.failure(category="other", library="orders", dist=None, shape="assert", cause="business-rule-bug")
def test_split_bill_adds_up_to_total():
    shares = split_bill(100.0, 3)
    assert sum(shares) == 100.0


@pytest.mark.failure(category="other", library="orders", dist=None, shape="assert", cause="business-rule-bug")
def test_order_total_excludes_vat_for_exempt_items():
    order = Order(id=1, lines=[Line("SKU-1002", 1)])
    assert order_total(order) == Decimal("39.00")


# --- float rounding ------------------------------------------------------------------------

@pytest.mark.failure(category="other", library="float", dist=None, shape="assert", cause="float-rounding")
def test_cart_subtotal_float_sum():
    prices = [0.1, 0.2]
    assert sum(prices) == 0.3


@pytest.mark.failure(category="other", library="float", dist=None, shape="assert", cause="float-rounding")
def test_round_half_up_on_display_price():
    assert round(2.675, 2) == 2.68


@pytest.mark.failure(category="other", library="float", dist=None, shape="assert", cause="float-rounding")
def test_conversion_rate_percentage():
    assert conversion_rate(1, 3) == 33.34


@pytest.mark.failure(category="other", library="numpy", shape="assert", cause="float-rounding")
def test_weekly_revenue_mean_is_exact():
    revenue = np.array([1999.99, 2450.10, 1870.35, 2210.40, 2600.05, 3100.70, 2999.95], dtype=np.float32)
    assert revenue.mean() == pytest.approx(2461.6486, abs=1e-7)


@pytest.mark.failure(category="other", library="decimal", dist=None, shape="assert", cause="float-rounding")
def test_decimal_from_float_price():
    assert Decimal(19.99) == Decimal("19.99")


# --- JSON serialisation of unsupported types -----------------------------------------------

@pytest.mark.failure(category="other", library="json", dist=None, shape="raised", cause="json-unserializable-type")
def test_order_json_export(mixed_order):
    body = json.loads(order_to_json(mixed_order))
    assert body["status"] == "pending"


@pytest.mark.failure(category="other", library="json", dist=None, shape="raised", cause="json-unserializable-type")
def test_audit_record_contains_timestamp():
    record = {"action": "refund", "at": datetime(2024, 3, 1, 12, 0, tzinfo=timezone.utc)}
    assert "refund" in json.dumps(record)


@pytest.mark.failure(category="other", library="json", dist=None, shape="raised", cause="json-unserializable-type")
def test_order_tags_are_exported(mixed_order):
    mixed_order.tags = {"gift", "express"}
    assert "gift" in json.dumps(mixed_order.__dict__, default=str) and json.dumps({"tags": mixed_order.tags})


@pytest.mark.failure(category="other", library="orjson", shape="raised", cause="json-unserializable-type")
def test_order_paid_event_payload(mixed_order):
    payload = order_event_payload(mixed_order)
    assert b'"status":"pending"' in payload


@pytest.mark.failure(category="other", library="numpy", shape="raised", cause="json-unserializable-type")
def test_daily_stats_json():
    counts = np.array([3, 5, 8])
    assert json.dumps({"max_orders": counts.max()}) == '{"max_orders": 8}'


# --- division by zero in statistics --------------------------------------------------------

@pytest.mark.failure(category="other", library="orders", dist=None, shape="raised", cause="zero-division")
def test_average_order_value_for_new_shop():
    assert average_order_value([]) == 0.0


@pytest.mark.failure(category="other", library="statistics", dist=None, shape="raised", cause="zero-division")
def test_median_basket_size_without_orders():
    assert median_basket_size([]) == 0


@pytest.mark.failure(category="other", library="orders", dist=None, shape="raised", cause="zero-division")
def test_conversion_rate_on_day_without_traffic():
    assert conversion_rate(0, 0) == 0.0


@pytest.mark.failure(category="other", library="decimal", dist=None, shape="raised", cause="zero-division")
def test_growth_from_zero_revenue():
    assert growth(Decimal("0"), Decimal("120.00")) > 0


@pytest.mark.failure(category="other", library="numpy", shape="raised", cause="zero-division")
def test_normalised_scores_for_constant_ratings():
    scores = normalised_scores(np.array([4.0, 4.0, 4.0, 4.0]))
    assert not np.isnan(scores).any()


# --- unknown enum value --------------------------------------------------------------------

@pytest.mark.failure(category="other", library="enum", dist=None, shape="raised", cause="unknown-enum-value")
def test_parse_status_from_legacy_export():
    assert parse_status("refunded") is OrderStatus.CANCELLED


@pytest.mark.failure(category="other", library="enum", dist=None, shape="raised", cause="unknown-enum-value")
def test_parse_status_is_case_insensitive():
    assert parse_status("PAID") is OrderStatus.PAID


@pytest.mark.failure(category="other", library="enum", dist=None, shape="raised", cause="unknown-enum-value")
def test_status_lookup_by_name():
    assert OrderStatus["Shipped"] is OrderStatus.SHIPPED


@pytest.mark.failure(category="other", library="enum", dist=None, shape="assert", cause="unknown-enum-value")
def test_status_compares_to_raw_string():
    order = Order(id=3, lines=[], status=OrderStatus.PAID)
    assert order.status == "paid"


@pytest.fixture
def audit_trail(tmp_path):
    entries: list[dict] = []
    yield entries
    (tmp_path / "audit.json").write_text(json.dumps(entries))


@pytest.mark.failure(category="other", library="json", dist=None, shape="teardown", cause="json-unserializable-type")
def test_refund_is_audited(audit_trail):
    order = Order(id=42, lines=[Line("SKU-1001", 2)])
    audit_trail.append({"order": order.id, "refund": order_total(order)})
    assert len(audit_trail) == 1


async def daily_average(fetch_totals) -> float:
    totals = await fetch_totals()
    return sum(totals) / len(totals)


@pytest.mark.asyncio
@pytest.mark.failure(category="other", library="orders", dist=None, shape="async", cause="zero-division")
async def test_dashboard_average_on_closed_day():
    async def fetch_totals():
        await asyncio.sleep(0)
        return []

    assert await daily_average(fetch_totals) == 0.0


async def load_order_async(raw: dict) -> Order:
    await asyncio.sleep(0)
    return Order(id=raw["id"], lines=[Line(l["sku"], l["qty"]) for l in raw["lines"]], status=parse_status(raw["status"]))


@pytest.mark.asyncio
@pytest.mark.failure(category="other", library="enum", dist=None, shape="async", cause="unknown-enum-value")
async def test_load_order_from_marketplace_feed():
    order = await load_order_async({"id": 5, "lines": [{"sku": "SKU-1001", "qty": 1}], "status": "awaiting_payment"})
    assert order.status is OrderStatus.PENDING
