"""Notification sending with a module-level client, plus a few module singletons."""

from __future__ import annotations

import threading
from unittest import mock  # noqa: F401  (tests patch through this module)


class SmtpClient:
    def send(self, to: str, subject: str) -> str:
        return f"sent:{to}:{subject}"


class RatesClient:
    def latest(self, currency: str) -> float:
        return {"EUR": 1.08}[currency]


class ProfileClient:
    async def fetch(self, user_id: int) -> dict:
        return {"id": user_id, "name": "Alice"}


smtp = SmtpClient()
rates = RatesClient()
profiles = ProfileClient()


def notify_signup(email: str) -> str:
    return smtp.send(email, "Welcome!")


def price_in_usd(amount_eur: float) -> float:
    rate = rates.latest("EUR")
    if rate > 2:
        raise ValueError("implausible rate")
    return round(amount_eur * rate, 2)


async def display_name(user_id: int) -> str:
    profile = await profiles.fetch(user_id)
    return profile["name"]


_request_ctx = threading.local()


def set_current_user(name: str | None) -> None:
    _request_ctx.user = name


def current_user() -> str | None:
    return getattr(_request_ctx, "user", None)
