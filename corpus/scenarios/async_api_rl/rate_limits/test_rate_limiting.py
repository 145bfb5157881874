import pytest

from .token_bucket import RateLimitExceeded, get_limiter, scheduler


def test_token_consumed_per_request():
    limiter = get_limiter()
    for _ in range(4):
        limiter.take("user:1")
    assert limiter.remaining("user:1") == 6


@pytest.mark.failure(category="7", library="token-bucket", dist=None, shape="assert", cause="singleton-bucket-not-reset")
def test_token_replenishment():
    limiter = get_limiter()
    assert limiter.remaining("user:1") == 10, limiter.get_state()


@pytest.mark.failure(category="7", library="token-bucket", dist=None, shape="raised", cause="singleton-bucket-not-reset")
def test_concurrent_request_limiting():
    limiter = get_limiter()
    for _ in range(10):  # the full burst capacity must be available
        limiter.take("user:1")


class TestAdminApi:
    def test_bulk_user_import(self):
        get_limiter().take("admin", n=8)

    def test_audit_export(self):
        get_limiter().take("admin", n=1)


class TestAdminReports:
    @pytest.mark.failure(category="7", library="token-bucket", dist=None, shape="raised", cause="state-shared-between-test-classes")
    def test_weekly_report_request(self):
        assert get_limiter().take("admin", n=2) >= 0


def test_bucket_refills_after_burst():
    limiter = get_limiter()
    limiter.refill_per_second = 1_000_000  # speed the refill up so the test does not sleep
    for _ in range(10):
        limiter.take("user:3")
    assert limiter.take("user:3") >= 0


@pytest.mark.failure(category="7", library="token-bucket", dist=None, shape="assert", cause="rate-limit-not-enforced-leaked-config")
def test_rate_limit_enforcement():
    limiter = get_limiter()
    with pytest.raises(RateLimitExceeded):
        for _ in range(11):
            limiter.take("user:2")


def test_enqueue_background_sync():
    scheduler.enqueue("sync-42", "low")
    scheduler.enqueue("sync-43", "normal")
    assert len(scheduler) >= 2


@pytest.mark.failure(category="7", library="token-bucket", dist=None, shape="assert", cause="priority-queue-not-drained")
def test_priority_queue_ordering():
    scheduler.enqueue("checkout-1", "critical")
    scheduler.enqueue("report-7", "normal")
    scheduler.enqueue("avatar-3", "low")
    assert scheduler.drain() == ["checkout-1", "report-7", "avatar-3"]


def test_requests_parked_when_bucket_empty():
    scheduler.enqueue("search-9", "high")
    scheduler.enqueue("search-10", "high")


@pytest.mark.failure(category="7", library="token-bucket", dist=None, shape="assert", cause="priority-queue-not-drained")
def test_queue_empty_at_start_of_test():
    assert len(scheduler) == 0, f"stale queued requests: {scheduler.drain()}"
