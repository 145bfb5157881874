from unittest.mock import AsyncMock, MagicMock

import pytest
from mockito import ANY, unstub, when

from .gateway import AsyncLedgerClient, BookkeepingService, CheckoutService, GatewayClient


@pytest.fixture
def gateway():
    client = GatewayClient()
    yield client
    unstub()


@pytest.fixture
def checkout(gateway):
    return CheckoutService(gateway)


@pytest.mark.failure(category="6", library="mockito", shape="raised", cause="stub-signature-predates-mandatory-idempotency-key")
def test_card_payment_is_captured(gateway, checkout):
    when(gateway).authorize(2599, "EUR").thenReturn({"authorization_id": "auth_1"})
    when(gateway).capture_authorization("auth_1").thenReturn({"status": "captured"})
    assert checkout.pay(2599, "EUR") == "captured"


@pytest.mark.failure(category="6", library="mockito", shape="raised", cause="stubbed-method-renamed-in-sdk")
def test_payment_capture_status(gateway, checkout):
    when(gateway).authorize(2599, "EUR", idempotency_key=ANY).thenReturn({"authorization_id": "auth_2"})
    when(gateway).capture("auth_2").thenReturn({"status": "captured"})
    assert checkout.pay(2599, "EUR") == "captured"


@pytest.mark.failure(category="6", library="mockito", shape="raised", cause="stubbed-response-uses-old-field-name")
def test_payment_after_sdk_upgrade(gateway, checkout):
    when(gateway).authorize(1000, "EUR", idempotency_key=ANY).thenReturn({"id": "auth_3", "status": "authorized"})
    when(gateway).capture_authorization("auth_3").thenReturn({"status": "captured"})
    assert checkout.pay(1000, "EUR") == "captured"


@pytest.mark.failure(category="6", library="mockito", shape="raised", cause="void-stub-missing-required-reason")
def test_customer_cancels_order(gateway, checkout):
    when(gateway).void("auth_4").thenReturn({"voided": True})
    assert checkout.cancel("auth_4")


@pytest.mark.failure(category="other", library="mockito", shape="assert", cause="split-loses-remainder-cents")
def test_split_payment_three_ways(checkout):
    assert sum(checkout.split(1000, 3)) == 1000


@pytest.mark.failure(category="6", library="asyncmock-shape", dist=None, shape="async", cause="magicmock-for-async-client-method")
async def test_sale_is_booked():
    ledger = MagicMock()
    ledger.post_entry.return_value = {"id": "le_1"}
    ledger.entry_url.return_value = "https://ledger.internal/entries/le_1"
    assert await BookkeepingService(ledger).book_sale(2599) == "https://ledger.internal/entries/le_1"


@pytest.mark.failure(category="6", library="asyncmock-shape", dist=None, shape="async", cause="asyncmock-makes-sync-method-return-coroutine")
async def test_sale_link_for_receipt():
    ledger = AsyncMock()
    ledger.post_entry.return_value = {"id": "le_2"}
    url = await BookkeepingService(ledger).book_sale(1200)
    assert url.endswith("/le_2")


@pytest.mark.failure(category="6", library="asyncmock-shape", dist=None, shape="async", cause="mock-return-value-not-shaped-like-api-response")
async def test_refund_is_booked():
    ledger = AsyncMock(spec=AsyncLedgerClient)
    ledger.post_entry.return_value = "le_3"
    assert await BookkeepingService(ledger).book_refund(500) == "le_3"
