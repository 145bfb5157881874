"""Booking windows, imported timestamps and signed links for the appointments module."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import jwt
from cryptography.fernet import Fernet
from dateutil import parser as dateparser

SECRET = "s3cr3t-signing-key-for-tests-000000"


@dataclass
class Slot:
    starts_at: datetime
    minutes: int = 30

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.minutes)


def is_bookable(slot: Slot, now: datetime | None = None) -> bool:
    now = now or datetime.now(timezone.utc)
    return slot.starts_at > now + timedelta(hours=2)


def overlaps(a: Slot, b: Slot) -> bool:
    return a.starts_at < b.ends_at and b.starts_at < a.ends_at


def parse_export_timestamp(value: str) -> datetime:
    # the CRM export uses day/month/year
    return datetime.strptime(value, "%d/%m/%Y %H:%M")


def parse_header_date(value: str) -> datetime:
    return datetime.strptime(value, "%a, %d %b %Y %H:%M:%S %Z")


def parse_free_text_date(value: str) -> datetime:
    return dateparser.parse(value, dayfirst=True)


def magic_link(user_id: int, now: datetime, ttl: timedelta = timedelta(minutes=15)) -> str:
    return jwt.encode({"sub": str(user_id), "exp": now + ttl, "aud": "web"}, SECRET, algorithm="HS256")


def verify_magic_link(token: str, audience: str = "web") -> int:
    claims = jwt.decode(token, SECRET, algorithms=["HS256"], audience=audience)
    return int(claims["sub"])


def decrypt_calendar_token(key: bytes, token: bytes, ttl: int | None = None) -> bytes:
    return Fernet(key).decrypt(token, ttl=ttl)
