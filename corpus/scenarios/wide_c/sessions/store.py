"""Login sessions and the cart-count badge, kept in Redis."""

from __future__ import annotations

import json

import redis


class SessionStore:
    def __init__(self, client: redis.Redis, ttl: int = 1800) -> None:
        self.r = client
        self.ttl = ttl

    def login(self, user_id: int, roles: list[str]) -> str:
        sid = f"s-{user_id}-{self.r.incr('session-seq')}"
        self.r.setex(f"session:{sid}", self.ttl, json.dumps({"user_id": user_id, "roles": roles}))
        self.r.sadd(f"user-sessions:{user_id}", sid)
        self.r.set(f"last-session:{user_id}", sid)
        return sid

    def current(self, user_id: int) -> str:
        return self.r.get(f"last-session:{user_id}").decode()

    def roles(self, sid: str) -> list[str]:
        raw = self.r.get(f"session:{sid}")
        return json.loads(raw)["roles"]

    def active_sessions(self, user_id: int) -> int:
        return self.r.scard(f"user-sessions:{user_id}")

    def add_to_cart(self, user_id: int, sku: str, qty: int = 1) -> int:
        self.r.hincrby(f"cart:{user_id}", sku, qty)
        return sum(int(v) for v in self.r.hvals(f"cart:{user_id}"))

    def logout_everywhere(self, user_id: int) -> None:
        for sid in self.r.smembers(f"user-sessions:{user_id}"):
            self.r.delete(f"session:{sid.decode()}")
