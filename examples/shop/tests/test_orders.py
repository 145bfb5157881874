from decimal import Decimal

import pytest

from shop.db import Base, RequestSessions, make_engine
from shop.orders import OrderError, OrderService


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    db_path = tmp_path_factory.mktemp("db") / "shop.sqlite"
    eng = make_engine(f"sqlite:///{db_path}", pool_size=2, pool_timeout=0.5)
    Base.metadata.create_all(eng)
    yield eng
    eng.dispose()


@pytest.fixture(scope="module")
def service(engine):
    return OrderService(RequestSessions(engine))


@pytest.fixture(scope="module")
def customer(service):
    return service.register_customer("ada@example.com")


def test_register_customer(service):
    assert service.register_customer("grace@example.com") > 0


def test_place_order(service, customer):
    order_id = service.place_order(customer, {"SKU-2": 1, "SKU-5": 2})
    assert order_id > 0


def test_order_total(service, customer):
    order_id = service.place_order(customer, {"SKU-3": 3})
    assert service.order_total(order_id) == Decimal("37.47")


def test_empty_order_rejected(service, customer):
    with pytest.raises(OrderError):
        service.place_order(customer, {})


def test_recent_orders_newest_first(service, customer):
    orders = service.recent_orders(customer)
    assert [o.id for o in orders] == sorted((o.id for o in orders), reverse=True)


def test_recent_orders_lines_lazy_load(service, customer):
    orders = service.recent_orders(customer, limit=1)
    assert orders[0].lines[0].sku == "SKU-3"


def test_cancel_order(service, customer):
    order_id = service.place_order(customer, {"SKU-4": 1})
    service.set_status(order_id, "cancelled")
    assert service.count_orders() >= 3


def test_refund_after_cancel_rejected(service, customer):
    order_id = service.place_order(customer, {"SKU-6": 1})
    service.set_status(order_id, "cancelled")
    with pytest.raises(OrderError):
        service.set_status(order_id, "refunded")


def test_concurrent_checkouts(service):
    ids = [service.register_customer(f"user{i}@example.com") for i in range(5)]
    placed = [service.place_order(cid, {"SKU-1": 1}) for cid in ids]
    assert len(set(placed)) == 5
