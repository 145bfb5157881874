import pytest

from .phones import is_mobile, to_e164


def test_uk_mobile_normalised():
    assert to_e164("07700 900123", "GB") == "+447700900123"


@pytest.mark.failure(category="other", library="phonenumbers", dist="phonenumbers", shape="raised", cause="phone-number-parse-error")
def test_number_from_checkout_without_country():
    assert to_e164("07700 900456") == "+447700900456"


@pytest.mark.failure(category="other", library="phonenumbers", dist="phonenumbers", shape="raised", cause="phone-number-parse-error")
def test_number_typed_with_letters():
    assert to_e164("call me", "GB")


@pytest.mark.failure(category="other", library="phonenumbers", dist="phonenumbers", shape="assert", cause="phone-number-type-assumption")
def test_landline_not_sent_sms():
    assert is_mobile("0113 496 0000", "GB") is True
