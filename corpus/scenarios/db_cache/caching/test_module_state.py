from __future__ import annotations

import pytest

from db_cache.services.notifications import current_user, set_current_user
from db_cache.services.registry import EXPORTERS, Cart, EventBus, Metrics, register_exporter, tag_order

state_failure = lambda shape, cause, library="module-state": pytest.mark.failure(  # noqa: E731
    category="4", library=library, dist=None, shape=shape, cause=cause
)


def to_csv(rows):
    return "\n".join(",".join(map(str, r)) for r in rows)


def test_csv_exporter_registered():
    register_exporter("csv", to_csv)
    assert EXPORTERS["csv"]([(1, 2)]) == "1,2"


@state_failure("raised", "registry-not-reset")
def test_register_csv_exporter_with_header():
    register_exporter("csv", lambda rows: "a,b\n" + to_csv(rows))


@state_failure("assert", "registry-not-reset")
def test_only_builtin_exporters_available():
    assert sorted(EXPORTERS) == []


def test_order_created_sends_email():
    sent = []
    EventBus.instance().subscribe("order.created", sent.append)
    EventBus.instance().publish("order.created", {"id": 1})
    assert sent == [{"id": 1}]


@state_failure("assert", "singleton-state-leak")
def test_order_created_updates_stock():
    stock_updates = []
    bus = EventBus.instance()
    bus.subscribe("order.created", stock_updates.append)
    handled = bus.publish("order.created", {"id": 2})
    assert handled == 1


def test_add_first_item():
    cart = Cart()
    cart.add("sku-1")
    assert cart.items == ["sku-1"]


@state_failure("assert", "class-attribute-mutable-default", library="class-state")
def test_new_cart_starts_empty():
    cart = Cart()
    cart.add("sku-2")
    assert cart.items == ["sku-2"]


def test_tag_vip_order():
    assert tag_order(1, "vip") == ["vip"]


@state_failure("assert", "mutable-default-argument", library="class-state")
def test_tag_gift_order():
    assert tag_order(2, "gift") == ["gift"]


def test_page_view_metric():
    Metrics.incr("page_view")
    assert Metrics.counters["page_view"] == 1


@state_failure("assert", "class-attribute-mutable-default", library="class-state")
def test_page_view_counted_once_per_request():
    Metrics.incr("page_view")
    assert Metrics.counters == {"page_view": 1}


def test_admin_request_context():
    set_current_user("alice")
    assert current_user() == "alice"


@state_failure("assert", "thread-local-context-leak")
def test_anonymous_request_has_no_user():
    assert current_user() is None


@pytest.fixture(scope="module")
def seed_catalog():
    return {"products": [{"sku": "A", "price": 10}, {"sku": "B", "price": 20}]}


def test_discount_applied(seed_catalog):
    for p in seed_catalog["products"]:
        p["price"] = p["price"] * 0.5
    assert seed_catalog["products"][0]["price"] == 5


@state_failure("assert", "module-fixture-mutated", library="pytest-fixture")
def test_catalog_total(seed_catalog):
    assert sum(p["price"] for p in seed_catalog["products"]) == 30


@pytest.fixture
def clean_bus():
    bus = EventBus.instance()
    assert bus.handlers == {}, f"event bus has handlers left over: {sorted(bus.handlers)}"
    yield bus


@state_failure("setup", "singleton-state-leak")
def test_refund_event_handler(clean_bus):
    clean_bus.subscribe("order.refunded", print)


@pytest.fixture
def scoped_discounts():
    yield Cart.discounts
    assert Cart.discounts == {}, f"discounts leaked out of the test: {Cart.discounts}"


@state_failure("teardown", "class-attribute-mutable-default", library="class-state")
def test_black_friday_discount(scoped_discounts):
    cart = Cart()
    cart.discounts["BF24"] = 0.3
    assert cart.discounts["BF24"] == 0.3


@pytest.fixture(scope="module")
def shared_user_rows():
    return [{"id": 1, "email": "a@example.com"}]


def test_delete_user(shared_user_rows):
    shared_user_rows.pop()
    assert shared_user_rows == []


@state_failure("raised", "module-fixture-mutated", library="pytest-fixture")
def test_first_user_email(shared_user_rows):
    assert shared_user_rows[0]["email"] == "a@example.com"
