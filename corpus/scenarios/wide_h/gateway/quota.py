"""API gateway quotas: a fixed-window request counter per API key, kept in Redis so every worker shares it."""

from __future__ import annotations

import redis
from limits import RateLimitItemPerHour, storage, strategies

from ..conftest import REDIS_URL


class QuotaExceeded(Exception):
    def __init__(self, key: str, limit: str, retry_after: int) -> None:
        super().__init__(f"429 Too Many Requests: key {key} is over its quota of {limit}")
        self.retry_after = retry_after


class Gateway:
    LIMIT = 3

    def __init__(self, client: redis.Redis) -> None:
        self.redis = client

    def admit(self, api_key: str) -> int:
        counter = f"quota:{api_key}"
        with self.redis.pipeline() as pipe:
            pipe.incr(counter)
            pipe.expire(counter, 60, nx=True)
            count, _ = pipe.execute()
        if count > self.LIMIT:
            raise QuotaExceeded(api_key, f"{self.LIMIT}/minute", self.redis.ttl(counter))
        return self.LIMIT - count

    def handle(self, api_key: str, path: str) -> tuple[int, dict]:
        try:
            remaining = self.admit(api_key)
        except QuotaExceeded as exc:
            return 429, {"error": "quota exceeded", "retry_after": "see header"}
        return 200, {"path": path, "remaining": remaining}


export_limit = RateLimitItemPerHour(2)
export_limiter = strategies.MovingWindowRateLimiter(storage.storage_from_string(REDIS_URL))


def start_export(tenant: str) -> str:
    if not export_limiter.hit(export_limit, "exports", tenant):
        raise QuotaExceeded(tenant, str(export_limit), 3600)
    return f"export-{tenant}"
