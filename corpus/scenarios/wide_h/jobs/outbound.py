"""Outbound messaging jobs: newsletters, receipts, SMS, push and webhooks, each behind its provider's send rate."""

from __future__ import annotations

import asyncio

from asyncio_throttle import Throttler
from pyrate_limiter import Duration, Limiter, Rate
from ratelimit import limits, sleep_and_retry


class DeliveryDeferred(Exception):
    pass


newsletter_limiter = Limiter(Rate(3, Duration.MINUTE))
receipt_limiter = Limiter(Rate(2, Duration.HOUR))
webhook_throttler = Throttler(rate_limit=2, period=60)
sent: list[tuple[str, str]] = []


def send_newsletter(address: str) -> str:
    if not newsletter_limiter.try_acquire("newsletter", blocking=False):
        raise DeliveryDeferred(f"newsletter to {address} deferred: provider send rate reached")
    sent.append(("newsletter", address))
    return "queued"


@newsletter_limiter.as_decorator(name="newsletter")
def send_digest(address: str) -> str:
    sent.append(("digest", address))
    return "queued"


def queue_receipt(order_id: str) -> bool:
    if receipt_limiter.try_acquire("receipts", blocking=False):
        sent.append(("receipt", order_id))
        return True
    return False


@limits(calls=2, period=3600)
def send_sms(number: str, text: str) -> str:
    sent.append(("sms", number))
    return "accepted"


@sleep_and_retry
@limits(calls=2, period=60)
def send_push(device: str, text: str) -> str:
    sent.append(("push", device))
    return "accepted"


async def deliver_webhook(url: str, event: dict) -> int:
    async with webhook_throttler:
        await asyncio.sleep(0)
        sent.append(("webhook", url))
        return 202
