import asyncio
import time

import pytest

from . import throttling


@pytest.mark.asyncio
async def test_crm_sync_batch():
    results = await asyncio.gather(*(throttling.crm_call(i) for i in range(3)))
    assert all(r["synced"] for r in results)


@pytest.mark.failure(category="7", library="aiolimiter", dist="aiolimiter", shape="chained", cause="async-limiter-capacity-shared-across-tests")
@pytest.mark.asyncio
async def test_crm_single_account_sync_is_fast():
    result = await asyncio.wait_for(throttling.crm_call(99), timeout=0.05)
    assert result["synced"]


@pytest.mark.failure(category="7", library="aiolimiter", dist="aiolimiter", shape="assert", cause="async-limiter-capacity-shared-across-tests")
@pytest.mark.asyncio
async def test_crm_limiter_has_capacity_for_new_tenant():
    assert throttling.crm_limiter.has_capacity()


@pytest.mark.asyncio
async def test_search_autocomplete_burst():
    for prefix in ("a", "ab", "abc", "abcd"):
        await throttling.search_call(prefix)


@pytest.mark.failure(category="7", library="asyncio-throttle", dist="asyncio-throttle", shape="assert", cause="throttler-window-shared-across-tests")
@pytest.mark.asyncio
async def test_search_latency_budget():
    start = time.perf_counter()
    await throttling.search_call("latency")
    elapsed = time.perf_counter() - start
    assert elapsed < 0.05, f"search took {elapsed:.3f}s"


@pytest.mark.failure(category="7", library="asyncio-throttle", dist="asyncio-throttle", shape="timeout", cause="throttler-window-shared-across-tests")
@pytest.mark.timeout(1)
@pytest.mark.asyncio
async def test_search_fanout_completes():
    queries = [f"q{i}" for i in range(12)]
    results = await asyncio.gather(*(throttling.search_call(q) for q in queries))
    assert len(results) == 12


def test_geocode_office():
    for _ in range(4):
        assert throttling.geocode("1 Main St") == (59.91, 10.75)


@pytest.mark.failure(category="7", library="pyrate-limiter", dist="pyrate-limiter", shape="raised", cause="bucket-full-shared-across-tests")
def test_geocode_warehouse_addresses():
    coords = [throttling.geocode(a) for a in ("Dock 1", "Dock 2")]
    assert len(coords) == 2


@pytest.mark.failure(category="7", library="pyrate-limiter", dist="pyrate-limiter", shape="raised", cause="bucket-full-shared-across-tests")
def test_geocode_single_address():
    assert throttling.geocode("Harbour Rd 5")[0] > 0


def test_welcome_email_sent():
    assert throttling.send_email("ada@example.com").startswith("queued:")
    assert throttling.send_email("grace@example.com").startswith("queued:")


@pytest.mark.failure(category="7", library="pyrate-limiter", dist="pyrate-limiter", shape="raised", cause="limiter-delay-exceeded-shared-bucket")
def test_password_reset_email_sent():
    assert throttling.send_email("linus@example.com") == "queued:linus@example.com"
