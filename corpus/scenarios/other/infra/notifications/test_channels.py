from __future__ import annotations

import pytest

from .channels import (
    analytics_connection,
    fetch_exchange_rates,
    payment_status,
    post_order_webhook,
    refund_status,
    send_receipt,
    session_store,
)


@pytest.fixture
def sessions():
    store = session_store()
    store.flushdb()
    return store


@pytest.mark.failure(category="other", library="requests", shape="raised", cause="dns-resolution-failure")
def test_order_webhook_accepted():
    assert post_order_webhook({"id": 42, "total": "19.90"}) == 202


@pytest.mark.failure(category="other", library="httpx", shape="raised", cause="dns-resolution-failure")
def test_payment_status_captured():
    assert payment_status("pay_123") == "captured"


@pytest.mark.asyncio
@pytest.mark.failure(category="other", library="httpx", shape="async", cause="dns-resolution-failure")
async def test_refund_status_pending():
    assert await refund_status("re_77") == "pending"


@pytest.mark.asyncio
@pytest.mark.failure(category="other", library="aiohttp", shape="async", cause="dns-resolution-failure")
async def test_exchange_rates_include_usd():
    assert "USD" in await fetch_exchange_rates()


@pytest.mark.failure(category="other", library="smtplib", dist=None, shape="raised", cause="dns-resolution-failure")
def test_receipt_email_sent():
    send_receipt("ada@example.com", "Thanks for your order #42")


@pytest.mark.failure(category="other", library="redis", shape="setup", cause="dns-resolution-failure")
def test_session_is_stored(sessions):
    sessions.set("session:abc", "user:5")
    assert sessions.get("session:abc") == b"user:5"


@pytest.mark.failure(category="other", library="psycopg", dist="psycopg", shape="raised", cause="dns-resolution-failure")
def test_analytics_event_count():
    with analytics_connection() as conn:
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] >= 0
