import asyncio

import pytest

from .payments import ACQUIRER_LATENCY, RetryingAuthoriser, authorise, authorise_legacy, authorise_split


@pytest.fixture(autouse=True)
def normal_latency():
    ACQUIRER_LATENCY.update({"visa": 0.01, "amex": 0.01, "legacy-bank": 0.01})


async def test_visa_authorised():
    assert await authorise("visa", 1299) == "AUTH-VISA-1299"


async def test_split_tender():
    assert await authorise_split({"visa": 1000, "amex": 299}) == ["AUTH-VISA-1000", "AUTH-AMEX-299"]


@pytest.mark.failure(category="5", library="async-timeout", dist="async-timeout", shape="async", cause="gathered-calls-exceed-shared-deadline")
async def test_split_tender_with_slow_amex():
    ACQUIRER_LATENCY["amex"] = 0.5
    assert len(await authorise_split({"visa": 1000, "amex": 299})) == 2


@pytest.mark.failure(category="5", library="async-timeout", dist="async-timeout", shape="assert", cause="sdk-swallows-cancellation-inside-timeout")
async def test_legacy_bank_authorisation():
    ACQUIRER_LATENCY["legacy-bank"] = 0.4
    assert await authorise_legacy(4999) == "AUTH-LEGACY-BANK-4999"


@pytest.mark.failure(category="5", library="async-timeout", dist="async-timeout", shape="raised", cause="timeout-context-reentered-for-retry")
async def test_retry_with_second_card():
    auth = RetryingAuthoriser(deadline=1.0)
    first = await auth.attempt("visa", 500)
    second = await auth.attempt("amex", 500)
    assert (first, second) == ("AUTH-VISA-500", "AUTH-AMEX-500")


@pytest.mark.failure(category="5", library="async-timeout", dist="async-timeout", shape="raised", cause="deadline-extended-after-expiry")
async def test_deadline_extended_for_3ds_challenge():
    ACQUIRER_LATENCY["visa"] = 0.3
    auth = RetryingAuthoriser(deadline=0.1)
    attempt = asyncio.create_task(auth.attempt("visa", 2500))
    try:
        await asyncio.sleep(0.15)
        auth.extend(0.5)
        assert await attempt == "AUTH-VISA-2500"
    finally:
        await asyncio.gather(attempt, return_exceptions=True)


@pytest.mark.failure(category="other", library="async-timeout", dist="async-timeout", shape="raised", cause="unsupported-card-scheme-keyerror")
async def test_discover_card():
    assert await authorise("discover", 1500) == "AUTH-DISCOVER-1500"
