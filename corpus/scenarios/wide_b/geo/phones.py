"""Recipient phone numbers for delivery SMS."""

from __future__ import annotations

import phonenumbers


def to_e164(raw: str, region: str | None = None) -> str:
    number = phonenumbers.parse(raw, region)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def is_mobile(raw: str, region: str) -> bool:
    number = phonenumbers.parse(raw, region)
    return phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE
