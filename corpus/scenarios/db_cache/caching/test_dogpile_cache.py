from __future__ import annotations

import pytest
from dogpile.cache import make_region
from dogpile.cache.api import NO_VALUE

dp_failure = lambda shape, cause: pytest.mark.failure(  # noqa: E731
    category="4", library="dogpile.cache", dist="dogpile.cache", shape=shape, cause=cause
)

region = make_region().configure("dogpile.cache.memory", expiration_time=600)
INVOICES = {10: {"total": 99, "status": "open"}}


@region.cache_on_arguments()
def invoice_status(invoice_id: int) -> str:
    return INVOICES[invoice_id]["status"]


def pay(invoice_id: int) -> None:
    INVOICES[invoice_id]["status"] = "paid"


def test_open_invoice_status():
    assert invoice_status(10) == "open"


@dp_failure("assert", "dogpile-stale-value")
def test_paid_invoice_status():
    pay(10)
    assert invoice_status(10) == "paid"


@dp_failure("raised", "dogpile-region-reconfigured")
def test_short_expiry_region_for_tests():
    region.configure("dogpile.cache.memory", expiration_time=1)
    region.set("x", 1)


def test_store_exchange_token():
    region.set("oauth:token", "tok-1")


@dp_failure("assert", "dogpile-stale-value")
def test_token_requested_fresh():
    assert region.get("oauth:token") is NO_VALUE, "expected cache miss"


@pytest.fixture
def clean_region():
    assert region.get("oauth:token") is NO_VALUE, f"region still holds {region.get('oauth:token')!r}"
    yield region


@dp_failure("setup", "dogpile-stale-value")
def test_token_refresh_flow(clean_region):
    clean_region.set("oauth:token", "tok-2")


@dp_failure("assert", "dogpile-soft-invalidate")
def test_soft_invalidation_refreshes():
    INVOICES[11] = {"total": 5, "status": "open"}
    invoice_status(11)
    INVOICES[11]["status"] = "void"
    region.invalidate(hard=False)
    assert invoice_status.get(11) == "void"
