import pytest

from . import recorded
from .models import Charge, Customer, Refund, receipt_line

F = dict(library="stripe-fixtures", dist="pydantic")


@pytest.fixture
def sepa_charge():
    return Charge.model_validate(recorded.CHARGE_SEPA)


@pytest.mark.failure(category="6", shape="raised", cause="recorded-charge-predates-payment-method-field", **F)
def test_receipt_for_card_charge():
    charge = Charge.model_validate(recorded.CHARGE_SUCCEEDED)
    assert receipt_line(charge) == "Visa •••• 4242: 25.99 EUR"


def test_sepa_charge_is_captured(sepa_charge):
    assert sepa_charge.amount_captured == sepa_charge.amount


@pytest.mark.failure(category="other", library="pydantic", shape="raised", cause="receipt-assumes-card-payment")
def test_receipt_for_sepa_charge(sepa_charge):
    assert receipt_line(sepa_charge).startswith("SEPA")


def test_refund_is_pending():
    assert Refund.model_validate(recorded.REFUND).status == "pending"


@pytest.mark.failure(category="6", shape="raised", cause="legacy-refund-fixture-amount-string-charge-expanded", **F)
def test_legacy_refund_amount():
    assert Refund.model_validate(recorded.REFUND_LEGACY).amount == 1000


@pytest.mark.failure(category="6", shape="setup", cause="customer-fixture-lacks-invoice-settings", **F)
def test_customer_default_payment_method(customer):
    assert customer.invoice_settings["default_payment_method"].startswith("pm_")


@pytest.fixture
def customer():
    return Customer.model_validate(recorded.CUSTOMER)


@pytest.mark.failure(category="other", library="pydantic", shape="raised", cause="invalid-currency-input-from-form")
def test_charge_from_checkout_form():
    form = {**recorded.CHARGE_SEPA, "amount": "12,00"}
    assert Charge.model_validate(form).amount == 1200
