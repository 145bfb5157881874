import json
from unittest import mock

import pytest
import stripe

from .billing import Billing, client

CUSTOMER_FIXTURE = {
    "id": "cus_Acme42", "object": "customer", "email": "ops@acme.example",
    "default_source": "card_1Acme",
    "sources": {"data": [{"id": "card_1Acme", "object": "card", "brand": "Visa"}]},
}
DISPUTE_EVENT_2020 = {
    "id": "evt_1Acme", "object": "event", "type": "charge.dispute.created",
    "data": {"object": {"id": "dp_1Acme", "object": "dispute", "charge": "ch_1Acme", "status": "needs_response",
                        "evidence_details": {"reason": "fraudulent"}}},
}


@pytest.mark.failure(category="6", library="unittest.mock", dist=None, shape="raised", cause="patched-sdk-returns-plain-dict")
def test_default_card_brand():
    sc = client()
    with mock.patch.object(sc.customers, "retrieve", return_value=CUSTOMER_FIXTURE):
        assert Billing(sc).default_card_brand("cus_Acme42") == "visa"


@pytest.mark.failure(category="6", library="stripe", shape="raised", cause="fixture-recorded-from-old-api-version")
def test_default_card_brand_from_fixture():
    sc = client()
    customer = stripe.Customer.construct_from(CUSTOMER_FIXTURE, "sk_test")
    with mock.patch.object(sc.customers, "retrieve", return_value=customer):
        assert Billing(sc).default_card_brand("cus_Acme42") == "visa"


@pytest.mark.failure(category="6", library="stripe", shape="raised", cause="fixture-recorded-from-old-api-version")
def test_dispute_reason_from_webhook():
    assert Billing(client()).dispute_reason(json.dumps(DISPUTE_EVENT_2020)) == "fraudulent"


@pytest.mark.failure(category="6", library="unittest.mock", dist=None, shape="assert", cause="patched-sdk-list-shape-stale")
def test_open_invoice_total():
    sc = client()
    page = mock.Mock(data=[mock.Mock(amount_due=1200, amount_remaining=None), mock.Mock(amount_due=800)])
    page.data[1].amount_remaining = 800
    with mock.patch.object(sc.invoices, "list", return_value=page):
        total = 0
        try:
            total = Billing(sc).open_invoice_total("cus_Acme42")
        except TypeError:
            pass
        assert total == 2000
