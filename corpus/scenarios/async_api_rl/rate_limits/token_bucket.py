"""In-process token bucket + request scheduler used by the backend (singletons via get_limiter())."""

from __future__ import annotations

import heapq
import itertools
import threading
import time
from dataclasses import dataclass, field


class RateLimitExceeded(Exception):
    def __init__(self, key: str, retry_after: float) -> None:
        super().__init__(f"rate limit exceeded for {key!r}; retry after {retry_after:.2f}s")
        self.retry_after = retry_after


@dataclass
class TokenBucket:
    capacity: int = 10
    refill_per_second: float = 1.0
    tokens: dict[str, float] = field(default_factory=dict)
    updated: dict[str, float] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def _refill(self, key: str) -> None:
        now = time.monotonic()
        last = self.updated.get(key, now)
        self.tokens[key] = min(self.capacity, self.tokens.get(key, self.capacity) + (now - last) * self.refill_per_second)
        self.updated[key] = now

    def take(self, key: str, n: int = 1) -> float:
        with self.lock:
            self._refill(key)
            if self.tokens[key] < n:
                raise RateLimitExceeded(key, (n - self.tokens[key]) / self.refill_per_second)
            self.tokens[key] -= n
            return self.tokens[key]

    def remaining(self, key: str) -> int:
        with self.lock:
            self._refill(key)
            return int(self.tokens[key])

    def get_state(self) -> dict:
        return {k: round(v, 2) for k, v in self.tokens.items()}


_limiter: TokenBucket | None = None


def get_limiter() -> TokenBucket:
    global _limiter
    if _limiter is None:
        _limiter = TokenBucket(capacity=10, refill_per_second=0.01)
    return _limiter


PRIORITY = {"critical": 0, "high": 1, "normal": 2, "low": 3}


class RequestScheduler:
    """Requests wait here when the bucket is empty; drained in priority order."""

    def __init__(self) -> None:
        self._heap: list[tuple[int, int, str]] = []
        self._seq = itertools.count()

    def enqueue(self, request_id: str, priority: str = "normal") -> None:
        heapq.heappush(self._heap, (PRIORITY[priority], next(self._seq), request_id))

    def drain(self, limit: int | None = None) -> list[str]:
        out = []
        while self._heap and (limit is None or len(out) < limit):
            out.append(heapq.heappop(self._heap)[2])
        return out

    def __len__(self) -> int:
        return len(self._heap)


scheduler = RequestScheduler()
