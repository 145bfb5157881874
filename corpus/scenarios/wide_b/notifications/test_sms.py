import json

import pytest
import requests
from mocket import mocketize
from mocket.mockhttp import Entry

from .sms import SMS_API, delivery_status, notify_out_for_delivery, send_sms


@mocketize(strict_mode=True)
def test_sms_sent():
    Entry.single_register(Entry.POST, f"{SMS_API}/Messages.json", body=json.dumps({"sid": "SM1", "status": "queued"}), status=201)
    assert send_sms("+447700900123", "hello") == "SM1"


@mocketize(strict_mode=True)
def test_delivered_status():
    Entry.single_register(Entry.GET, f"{SMS_API}/Messages/SM1.json", body=json.dumps({"sid": "SM1", "status": "delivered"}))
    assert delivery_status("SM1") == "delivered"


@pytest.mark.failure(category="6", library="mocket", dist="mocket", shape="raised", cause="endpoint-not-mocked")
@mocketize(strict_mode=True)
def test_out_for_delivery_notification():
    Entry.single_register(Entry.POST, f"{SMS_API}/Messages.json", body=json.dumps({"sid": "SM2", "status": "queued"}), status=201)
    assert notify_out_for_delivery("+447700900123", "PX-5")["status"] in {"queued", "sent"}


@pytest.mark.failure(category="6", library="mocket", dist="mocket", shape="raised", cause="mock-payload-schema-mismatch")
@mocketize(strict_mode=True)
def test_status_after_send():
    # mocked from an old SDK fixture: the API answers with a flat object, not a "message" envelope
    Entry.single_register(Entry.GET, f"{SMS_API}/Messages/SM3.json", body=json.dumps({"message": {"sid": "SM3", "status": "sent"}}))
    assert delivery_status("SM3") == "sent"


@pytest.mark.failure(category="6", library="mocket", dist="mocket", shape="raised", cause="mock-error-status-not-matching-real-api")
@mocketize(strict_mode=True)
def test_invalid_number_reported():
    # the real API answers 400 with code 21211; the mock was set up with a 200 and an error body
    Entry.single_register(Entry.POST, f"{SMS_API}/Messages.json", body=json.dumps({"code": 21211, "message": "Invalid 'To' Phone Number"}))
    with pytest.raises(requests.HTTPError, match="400"):
        send_sms("+44", "hello")
