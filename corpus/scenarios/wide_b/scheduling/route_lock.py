"""Only one route-planning run may hit the mapping partner at a time; a Redis lock guards the partner's quota."""

from __future__ import annotations

import redis

LOCK_NAME = "locks:route-planner"


def plan_routes(r: redis.Redis, depot: str, wait: float = 0.2) -> str:
    lock = r.lock(LOCK_NAME, timeout=None, blocking_timeout=wait)
    if not lock.acquire():
        return "skipped"
    try:
        r.incr(f"route-runs:{depot}")
        return "planned"
    finally:
        lock.release()


def start_long_replan(r: redis.Redis) -> redis.lock.Lock:
    """Manual re-plan from the ops console; the console releases the lock when the operator confirms."""
    lock = r.lock(LOCK_NAME, timeout=None)
    lock.acquire()
    return lock
