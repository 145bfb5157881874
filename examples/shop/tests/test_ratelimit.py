import time

from shop.ratelimit import TokenBucket, get_bucket

from .conftest import run_random


class FakeClock:
    def __init__(self):
        self.t = 0.0

    def __call__(self):
        return self.t


def test_bucket_starts_full():
    bucket = TokenBucket(capacity=3, refill_per_s=1.0, clock=FakeClock())
    assert [bucket.try_acquire() for _ in range(4)] == [True, True, True, False]


def test_bucket_refill_caps_at_capacity():
    clock = FakeClock()
    bucket = TokenBucket(capacity=2, refill_per_s=10.0, clock=clock)
    bucket.try_acquire(2)
    clock.t = 60.0
    assert bucket.tokens == 2


def test_token_replenishment():
    bucket = get_bucket()
    while bucket.try_acquire():
        pass
    time.sleep(run_random("replenish").choice([0.03, 0.07, 0.09, 0.1]))
    assert bucket.try_acquire(), f"no token after refill, have {bucket.tokens:.2f}"
