import asyncio

import pytest

from .outbound import deliver_webhook, queue_receipt, send_digest, send_newsletter, send_push, send_sms


def test_newsletter_is_queued():
    assert send_newsletter("ana@example.com") == "queued"


def test_newsletter_for_two_subscribers():
    assert [send_newsletter(a) for a in ("bo@example.com", "cy@example.com")] == ["queued", "queued"]


@pytest.mark.failure(category="7", library="pyrate-limiter", shape="raised", cause="module-level-limiter-shared-across-tests")
def test_newsletter_to_new_subscriber():
    assert send_newsletter("dee@example.com") == "queued"


@pytest.mark.timeout(2)
@pytest.mark.failure(category="7", library="pyrate-limiter", shape="timeout", cause="blocking-decorator-waits-for-window")
def test_weekly_digest_is_queued():
    assert send_digest("ana@example.com") == "queued"


def test_receipt_for_first_order():
    assert queue_receipt("SO-1")


def test_receipt_for_second_order():
    assert queue_receipt("SO-2")


@pytest.mark.failure(category="7", library="pyrate-limiter", shape="assert", cause="module-level-limiter-shared-across-tests")
def test_receipt_for_refund_order():
    assert queue_receipt("SO-3-R")


def test_sms_confirmation():
    assert send_sms("+15550100", "Your code is 1234") == "accepted"


def test_sms_reminder():
    assert send_sms("+15550101", "Pickup tomorrow 9am") == "accepted"


@pytest.mark.failure(category="7", library="ratelimit", shape="raised", cause="decorator-call-window-shared-across-tests")
def test_sms_for_delivery_delay():
    assert send_sms("+15550102", "Your parcel is delayed") == "accepted"


def test_push_first():
    assert send_push("dev-1", "hello") == "accepted"


def test_push_second():
    assert send_push("dev-2", "hello") == "accepted"


@pytest.mark.timeout(2)
@pytest.mark.failure(category="7", library="ratelimit", shape="timeout", cause="sleep-and-retry-waits-for-period")
def test_push_for_flash_sale():
    assert send_push("dev-3", "50% off today") == "accepted"


async def test_webhook_delivery():
    assert await deliver_webhook("https://hooks.example.com/a", {"type": "order.created"}) == 202


async def test_webhook_delivery_for_second_endpoint():
    assert await deliver_webhook("https://hooks.example.com/b", {"type": "order.created"}) == 202


@pytest.mark.failure(category="7", library="asyncio-throttle", shape="async", cause="module-level-throttler-shared-across-tests")
async def test_webhook_for_refund_event():
    status = await asyncio.wait_for(deliver_webhook("https://hooks.example.com/a", {"type": "refund.created"}), timeout=1)
    assert status == 202


@pytest.mark.timeout(2)
@pytest.mark.failure(category="7", library="asyncio-throttle", shape="timeout", cause="module-level-throttler-shared-across-tests")
async def test_webhook_for_cancelled_order():
    assert await deliver_webhook("https://hooks.example.com/c", {"type": "order.cancelled"}) == 202
