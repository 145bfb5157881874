import pytest
import redis

from . import redis_limiter
from .redis_limiter import TooManyRequests


def test_first_request_has_quota():
    assert redis_limiter.hit("mobile-app") == 4


def test_sync_endpoint_consumes_quota():
    for _ in range(3):
        redis_limiter.hit("mobile-app")


@pytest.mark.failure(category="7", library="redis", dist="redis", shape="assert", cause="redis-counter-leftover-between-tests")
def test_remaining_quota_reported():
    assert redis_limiter.hit("mobile-app") == 4


@pytest.mark.failure(category="7", library="redis", dist="redis", shape="raised", cause="redis-counter-leftover-between-tests")
def test_partner_batch_within_limit():
    for _ in range(2):
        redis_limiter.hit("mobile-app")


def test_sliding_window_allows_burst():
    assert all(redis_limiter.sliding_allow("u-77") for _ in range(3))


@pytest.mark.failure(category="7", library="redis", dist="redis", shape="assert", cause="redis-sorted-set-window-leftover")
def test_sliding_window_new_session_allowed():
    assert redis_limiter.sliding_allow("u-77") is True


def test_nightly_job_takes_lock():
    lock = redis_limiter.acquire_job_lock("nightly-billing")
    assert lock.acquire()
    # the job "crashes" before releasing; the lock lives until its timeout


@pytest.mark.failure(category="7", library="redis", dist="redis", shape="assert", cause="distributed-lock-not-released")
def test_nightly_job_rerun_takes_lock():
    lock = redis_limiter.acquire_job_lock("nightly-billing")
    assert lock.acquire(), "lock:nightly-billing still held by a previous test"


@pytest.mark.failure(category="7", library="redis", dist="redis", shape="raised", cause="distributed-lock-not-released")
def test_billing_job_runs_exclusively():
    with redis_limiter.acquire_job_lock("nightly-billing"):
        pass


@pytest.mark.failure(category="7", library="redis", dist="redis", shape="raised", cause="distributed-lock-released-by-other-owner")
def test_lock_released_after_job():
    lock = redis_limiter.acquire_job_lock("report-export", timeout=30)
    assert lock.acquire()
    # a cleanup fixture in another test deleted the key; release now finds no lock
    redis_limiter.r.delete("lock:report-export")
    lock.release()


@pytest.mark.asyncio
async def test_async_client_first_call_allowed():
    assert await redis_limiter.async_hit("ws-gateway")
    assert await redis_limiter.async_hit("ws-gateway")


@pytest.mark.failure(category="7", library="redis", dist="redis", shape="async", cause="redis-counter-leftover-between-tests")
@pytest.mark.asyncio
async def test_async_client_reconnect_allowed():
    assert await redis_limiter.async_hit("ws-gateway")
