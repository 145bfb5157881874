"""Hand-written Redis limiter and distributed lock used by the API gateway."""

from __future__ import annotations

import os
import time

import redis
import redis.asyncio as aioredis

REDIS_URL = os.environ.get("SCENARIO_REDIS_URL", "redis://127.0.0.1:6390/5")
r = redis.Redis.from_url(REDIS_URL, decode_responses=True)


class TooManyRequests(Exception):
    def __init__(self, key: str, count: int, limit: int, ttl: int) -> None:
        super().__init__(f"{key}: {count}/{limit} requests, retry in {ttl}s")
        self.retry_after = ttl


def hit(client_id: str, limit: int = 5, window: int = 3600) -> int:
    key = f"rl:{client_id}:{int(time.time() // window)}"
    pipe = r.pipeline()
    pipe.incr(key)
    pipe.expire(key, window)
    count, _ = pipe.execute()
    if count > limit:
        raise TooManyRequests(key, count, limit, r.ttl(key))
    return limit - count


SLIDING_LUA = """
local key = KEYS[1]
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', key, 0, now - window)
local count = redis.call('ZCARD', key)
if count >= limit then return 0 end
redis.call('ZADD', key, now, ARGV[4])
redis.call('EXPIRE', key, window)
return 1
"""
_sliding = r.register_script(SLIDING_LUA)


def sliding_allow(user: str, limit: int = 3, window: int = 30) -> bool:
    now = time.time()
    return bool(_sliding(keys=[f"sw:{user}"], args=[now, window, limit, f"{now}"]))


def acquire_job_lock(job: str, timeout: int = 30):
    return r.lock(f"lock:{job}", timeout=timeout, blocking_timeout=0.05)


async def async_hit(client_id: str, limit: int = 2) -> bool:
    ar = aioredis.Redis.from_url(REDIS_URL)
    try:
        key = f"arl:{client_id}"
        count = await ar.incr(key)
        await ar.expire(key, 60)
        if count > limit:
            raise TooManyRequests(key, count, limit, await ar.ttl(key))
        return True
    finally:
        await ar.aclose()
