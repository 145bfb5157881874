import asyncio
from decimal import Decimal

import pytest

from . import engine
from .engine import Promotions


@pytest.fixture(autouse=True)
async def clean_cache():
    await engine.cache.clear()
    engine.PRICE_COMPUTATIONS.clear()
    yield


async def test_base_price_is_cached():
    assert await engine.base_price("TEE-01") == Decimal("19.99")
    assert await engine.base_price("TEE-01") == Decimal("19.99")
    assert engine.PRICE_COMPUTATIONS == ["TEE-01"]


@pytest.mark.failure(category="5", library="aiocache", dist="aiocache", shape="assert", cause="redlock-lease-expires-before-computation")
async def test_concurrent_requests_compute_price_once():
    prices = await asyncio.gather(*(engine.base_price("HOOD-02") for _ in range(3)))
    assert prices == [Decimal("19.99")] * 3
    assert engine.PRICE_COMPUTATIONS == ["HOOD-02"]


@pytest.mark.failure(category="5", library="aiocache", dist="aiocache", shape="raised", cause="optimistic-lock-value-changed")
async def test_two_markdowns_stack():
    await engine.cache.set("CAP-03", Decimal("20.00"))
    await asyncio.gather(engine.apply_markdown("CAP-03", 10, review_delay=0.02), engine.apply_markdown("CAP-03", 50))
    assert await engine.cache.get("CAP-03") == Decimal("9.00")


async def test_known_promotion_code():
    assert await Promotions().discount("SUMMER") == 10


@pytest.mark.failure(category="5", library="aiorwlock", dist="aiorwlock", shape="raised", cause="read-lock-upgrade-to-write-refused")
async def test_new_promotion_code_gets_default():
    assert await Promotions().discount_or_create("WINTER", 15) == 15


@pytest.mark.failure(category="5", library="asgiref", dist="asgiref", shape="raised", cause="async-to-sync-called-inside-event-loop")
async def test_gross_price_for_uk():
    assert await engine.gross(Decimal("10.00"), "GB") == Decimal("12.00")


@pytest.mark.failure(category="5", library="asgiref", dist="asgiref", shape="raised", cause="no-current-event-loop-in-executor-thread")
async def test_rounding_rule_for_uk():
    assert await engine.rounding_rules("GB") == "half-up"


@pytest.mark.failure(category="other", library="asgiref", dist="asgiref", shape="raised", cause="unknown-country-keyerror-through-async-to-sync")
def test_gross_price_for_norway_in_back_office():
    assert engine.gross_sync(Decimal("10.00"), "NO") == Decimal("12.50")


@pytest.mark.failure(category="other", library="decimal", dist=None, shape="raised", cause="markdown-on-missing-price-typeerror")
async def test_markdown_on_unpriced_item():
    assert await engine.apply_markdown("SOCK-09", 10) == Decimal("0.00")


@pytest.mark.failure(category="5", library="asgiref", dist="asgiref", shape="timeout", cause="thread-sensitive-calls-serialised-deadlock")
@pytest.mark.timeout(1)
async def test_period_close_after_ledger_release():
    assert await engine.close_period() is True
