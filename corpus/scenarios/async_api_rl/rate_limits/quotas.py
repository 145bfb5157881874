"""Per-tenant API quotas built on the `limits` package (module-level storage, as in production)."""

from __future__ import annotations

import os

from limits import parse
from limits.aio.storage import MemoryStorage as AsyncMemoryStorage
from limits.aio.strategies import MovingWindowRateLimiter as AsyncMovingWindowRateLimiter
from limits.storage import MemoryStorage, storage_from_string
from limits.strategies import FixedWindowRateLimiter, MovingWindowRateLimiter, SlidingWindowCounterRateLimiter

storage = MemoryStorage()
fixed = FixedWindowRateLimiter(storage)
moving = MovingWindowRateLimiter(storage)
sliding = SlidingWindowCounterRateLimiter(storage)

PLANS = {"free": parse("3/minute"), "pro": parse("10/minute"), "burst": parse("2/second")}


class QuotaExceeded(Exception):
    pass


def consume(tenant: str, plan: str = "free", cost: int = 1) -> bool:
    return fixed.hit(PLANS[plan], "tenant", tenant, cost=cost)


def remaining(tenant: str, plan: str = "free") -> int:
    return fixed.get_window_stats(PLANS[plan], "tenant", tenant).remaining


def require_quota(tenant: str, plan: str = "free") -> None:
    if not moving.hit(PLANS[plan], "api", tenant):
        stats = moving.get_window_stats(PLANS[plan], "api", tenant)
        raise QuotaExceeded(f"tenant {tenant!r} exceeded {PLANS[plan]} (resets at {stats.reset_time:.0f})")


def export_allowed(tenant: str) -> bool:
    return sliding.hit(parse("2/hour"), "export", tenant)


async_storage = AsyncMemoryStorage()
async_moving = AsyncMovingWindowRateLimiter(async_storage)


async def webhook_allowed(endpoint: str) -> bool:
    return await async_moving.hit(parse("4/minute"), "webhook", endpoint)


redis_storage = storage_from_string(os.environ.get("SCENARIO_REDIS_URL", "redis://127.0.0.1:6390/5"))
redis_fixed = FixedWindowRateLimiter(redis_storage)


def sms_allowed(phone: str) -> bool:
    return redis_fixed.hit(parse("3/hour"), "sms", phone)
