import json

import pytest
from mocket import Mocketizer
from mocket.mockhttp import Entry

from .billing import Billing

STRIPE = "http://stripe-mock:12111/v1"

# payloads captured from the 2019-12-03 API version the first billing service was written against
INTENT_2019 = {
    "id": "pi_3OyAcme", "object": "payment_intent", "amount": 4999, "amount_received": 4999, "currency": "eur",
    "status": "succeeded",
    "charges": {"object": "list", "data": [{"id": "ch_3OyAcme", "object": "charge", "receipt_url": "https://pay.stripe.com/receipts/acme"}]},
}
INTENT_CURRENT = {**{k: v for k, v in INTENT_2019.items() if k != "charges"}, "latest_charge": "ch_3OyAcme"}
CHARGE = {"id": "ch_3OyAcme", "object": "charge", "receipt_url": "https://pay.stripe.com/receipts/acme"}


@pytest.fixture
def stripe_api():
    with Mocketizer(strict_mode=True):
        yield


def register(method, path, body, status=200):
    Entry.single_register(method, STRIPE + path, body=json.dumps(body), status=status,
                          headers={"Content-Type": "application/json", "Request-Id": "req_test",
                                   "Date": "Wed, 26 Nov 2026 09:00:00 GMT"})


def test_receipt_url(stripe_api):
    register(Entry.GET, "/payment_intents/pi_3OyAcme", INTENT_CURRENT)
    register(Entry.GET, "/charges/ch_3OyAcme", CHARGE)
    assert Billing().receipt_url("pi_3OyAcme").endswith("/acme")


@pytest.mark.failure(category="6", library="mocket", shape="raised", cause="fixture-recorded-from-old-api-version")
def test_receipt_url_for_card_payment(stripe_api):
    register(Entry.GET, "/payment_intents/pi_3OyAcme", INTENT_2019)
    register(Entry.GET, "/charges/ch_3OyAcme", CHARGE)
    assert Billing().receipt_url("pi_3OyAcme").endswith("/acme")


@pytest.mark.failure(category="6", library="mocket", shape="raised", cause="endpoint-not-mocked")
def test_partial_refund(stripe_api):
    register(Entry.POST, "/refund", {"id": "re_1", "object": "refund", "status": "succeeded"})
    assert Billing().refund("pi_3OyAcme", 1000) == "succeeded"


@pytest.mark.failure(category="6", library="mocket", shape="raised", cause="canned-response-wrong-value-type")
def test_amount_in_eur(stripe_api):
    register(Entry.GET, "/payment_intents/pi_3OyAcme", {**INTENT_CURRENT, "amount_received": "4999"})
    assert Billing().amount_eur("pi_3OyAcme") == 49.99


@pytest.mark.failure(category="6", library="mocket", shape="assert", cause="canned-response-stale-status")
def test_refund_is_pending_for_sepa(stripe_api):
    # SEPA refunds stay "pending" until the bank confirms; the canned body is the card one
    register(Entry.POST, "/refunds", {"id": "re_2", "object": "refund", "status": "succeeded"})
    assert Billing().refund("pi_3OySepa", 4999) == "pending"


@pytest.mark.failure(category="6", library="mocket", shape="raised", cause="canned-error-body-old-format")
def test_refund_over_captured_amount(stripe_api):
    import stripe

    register(Entry.POST, "/refunds", {"error": "amount_too_large"}, status=400)
    with pytest.raises(stripe.InvalidRequestError) as info:
        Billing().refund("pi_3OyAcme", 999999)
    assert info.value.code == "amount_too_large"
