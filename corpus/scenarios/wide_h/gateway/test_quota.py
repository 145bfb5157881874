import pytest
import redis

from ..conftest import REDIS_URL
from .quota import Gateway, start_export


@pytest.fixture
def gateway():
    client = redis.Redis.from_url(REDIS_URL)
    yield Gateway(client)
    client.close()


def test_first_request_is_admitted(gateway):
    assert gateway.handle("key-web", "/v1/orders")[0] == 200


def test_listing_endpoints(gateway):
    assert [gateway.handle("key-web", p)[0] for p in ("/v1/customers", "/v1/invoices")] == [200, 200]


@pytest.mark.failure(category="7", library="redis", shape="assert", cause="redis-window-counter-not-reset-between-tests")
def test_order_detail_endpoint(gateway):
    status, body = gateway.handle("key-web", "/v1/orders/17")
    assert status == 200, body


@pytest.mark.failure(category="7", library="redis", shape="raised", cause="redis-window-counter-not-reset-between-tests")
def test_remaining_quota_is_reported(gateway):
    assert gateway.admit("key-web") >= 0


def test_export_for_tenant():
    assert start_export("acme") == "export-acme"


def test_export_again_after_fix():
    assert start_export("acme") == "export-acme"


@pytest.mark.failure(category="7", library="limits", shape="raised", cause="redis-moving-window-not-cleared")
def test_export_with_new_columns():
    assert start_export("acme").startswith("export-")
