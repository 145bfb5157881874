import jsonschema
import pytest

from . import recorded
from .webhook_schema import EVENT_SCHEMA, ORDER_FORM_SCHEMA


@pytest.fixture
def validator():
    return jsonschema.Draft202012Validator(EVENT_SCHEMA)


@pytest.mark.failure(category="6", library="jsonschema", shape="raised", cause="recorded-webhook-missing-required-fields")
def test_recorded_refund_webhook_matches_provider_schema():
    jsonschema.validate(recorded.WEBHOOK_CHARGE_REFUNDED, EVENT_SCHEMA)


@pytest.mark.failure(category="6", library="jsonschema", shape="assert", cause="recorded-webhook-api-version-outdated")
def test_recorded_webhook_api_version(validator):
    errors = [e.message for e in validator.iter_errors(recorded.WEBHOOK_CHARGE_REFUNDED) if e.validator == "pattern"]
    assert errors == []


@pytest.mark.failure(category="6", library="jsonschema", shape="raised", cause="recorded-charge-object-missing-currency")
def test_refund_event_object_fields(validator):
    validator.validate({**recorded.WEBHOOK_CHARGE_REFUNDED, "api_version": "2024-06-20", "livemode": False, "pending_webhooks": 1, "request": None})


@pytest.mark.failure(category="other", library="jsonschema", shape="raised", cause="bad-user-input-quantity-zero")
def test_order_form_accepts_basket():
    jsonschema.validate({"email": "ada@example.com", "quantity": 0}, ORDER_FORM_SCHEMA)
