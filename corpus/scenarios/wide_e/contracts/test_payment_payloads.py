import json
from pathlib import Path

import pytest

from . import payloads

HERE = Path(__file__).parent

# canned provider payloads used by the payment tests (copied from the provider's docs, API version 2021-08)
CHARGE_2021 = {"id": "ch_1", "amount": 2500, "currency": "eur", "captured": True, "created": "2021-08-02T10:00:00"}
CHARGE_EPOCH = {"id": "ch_2", "amount_cents": 990, "currency": "eur", "captured": True, "created": 1627898400}
REFUND_2021 = {"charge": "ch_1", "amount_cents": 500, "reason": "requested_by_customer"}


def test_refund_for_charge():
    refund = payloads.parse_refund({"charge_id": "ch_1", "amount_cents": 500, "reason": "duplicate", "object": "refund"})
    assert refund["amount_cents"] == 500


@pytest.mark.failure(category="6", library="marshmallow", shape="raised", cause="fixture-payload-renamed-field")
def test_capture_charge():
    charge = payloads.parse_charge(CHARGE_2021)
    assert charge["captured"] is True


@pytest.mark.failure(category="6", library="marshmallow", shape="raised", cause="fixture-payload-wrong-datetime-format")
def test_charge_created_time():
    charge = payloads.parse_charge(CHARGE_EPOCH)
    assert charge["created"].year == 2021


@pytest.mark.failure(category="6", library="marshmallow", shape="raised", cause="fixture-payload-renamed-field")
def test_refund_links_to_charge():
    refund = payloads.parse_refund(REFUND_2021)
    assert refund["charge_id"] == "ch_1"


@pytest.mark.failure(category="6", library="marshmallow", shape="raised", cause="fixture-file-missing-new-required-field")
def test_charges_from_recorded_listing():
    listing = json.loads((HERE / "fixtures" / "charges_page.json").read_text())
    charges = [payloads.parse_charge(c) for c in listing["data"]]
    assert len(charges) == 2


@pytest.mark.failure(category="other", library="marshmallow", shape="raised", cause="app-passes-formatted-string-amount")
def test_charge_request_amount():
    request = payloads.charge_request("12,50")
    assert request["amount_cents"] == 1250


@pytest.mark.failure(category="other", library="payments-arithmetic", dist=None, shape="assert", cause="filter-excludes-wrong-refunds")
def test_refund_total_excludes_fraud():
    refunds = [
        {"amount_cents": 500, "reason": "duplicate"},
        {"amount_cents": 700, "reason": "fraudulent"},
        {"amount_cents": 300, "reason": "requested_by_customer"},
    ]
    total = payloads.refund_total(refunds)
    assert total == 800
