from __future__ import annotations

import pytest

from .normalise import is_uk_postcode, is_us_zip, normalise_postcode, to_e164


@pytest.mark.failure(category="other", library="phonenumbers", shape="assert", cause="default-region-wrong")
def test_london_landline_to_e164():
    assert to_e164("020 7946 0958", country="GB") == "+442079460958"


@pytest.mark.parametrize(
    ("number", "country", "expected"),
    [
        ("(415) 555-2671", "US", "+14155552671"),
        pytest.param(
            "030 901820",
            "DE",
            "+4930901820",
            marks=pytest.mark.failure(
                category="other", library="phonenumbers", shape="assert", cause="default-region-wrong"
            ),
        ),
    ],
)
def test_numbers_from_signup_form(number, country, expected):
    assert to_e164(number, country) == expected


@pytest.mark.failure(category="other", library="str", dist=None, shape="assert", cause="whitespace-strip-missing")
def test_postcode_pasted_with_spaces():
    assert normalise_postcode("  sw1a 1aa ") == "SW1A 1AA"


@pytest.mark.failure(category="other", library="re", dist=None, shape="assert", cause="regex-missing-anchor")
def test_six_digit_zip_is_rejected():
    assert is_us_zip("123456") is False


@pytest.mark.failure(category="other", library="re", dist=None, shape="assert", cause="regex-missing-anchor")
def test_postcode_check_rejects_surrounding_text():
    rejected = [text for text in ["SW1A 1AA", "flat 3, SW1A 1AA", "SW1A 1AAX"] if not is_uk_postcode(text)]
    assert rejected == ["flat 3, SW1A 1AA", "SW1A 1AAX"]
