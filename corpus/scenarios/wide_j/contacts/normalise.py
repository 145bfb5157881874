"""Normalising customer contact details before they are stored in the CRM."""

from __future__ import annotations

import re

import phonenumbers

_US_ZIP = re.compile(r"\d{5}(-\d{4})?")
_UK_POSTCODE = re.compile(r"[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}")


def to_e164(number: str, country: str) -> str:
    """'020 7946 0958' from a UK customer -> '+442079460958'."""
    parsed = phonenumbers.parse(number, "US")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def is_valid_phone(number: str, country: str) -> bool:
    return phonenumbers.is_valid_number(phonenumbers.parse(number, "US"))


def normalise_postcode(raw: str) -> str:
    return raw.upper()


def normalise_email(raw: str) -> str:
    return raw.lower()


def is_us_zip(text: str) -> bool:
    return _US_ZIP.match(text) is not None


def is_uk_postcode(text: str) -> bool:
    return _UK_POSTCODE.search(text) is not None
