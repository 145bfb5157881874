"""Shopping-cart and leaderboard storage on Redis."""

from __future__ import annotations

import json

import redis


class CartStore:
    def __init__(self, client: redis.Redis, prefix: str) -> None:
        self.r = client
        self.prefix = prefix

    def _key(self, user_id: int) -> str:
        return f"{self.prefix}:cart:{user_id}"

    def save_legacy(self, user_id: int, items: dict[str, int]) -> None:
        # v1 of the app stored the whole cart as one JSON string
        self.r.set(self._key(user_id), json.dumps(items))

    def add_item(self, user_id: int, sku: str, qty: int = 1) -> int:
        # v2 stores carts as hashes
        return self.r.hincrby(self._key(user_id), sku, qty)

    def items(self, user_id: int) -> dict[str, int]:
        return {k.decode(): int(v) for k, v in self.r.hgetall(self._key(user_id)).items()}


class Leaderboard:
    def __init__(self, client: redis.Redis, prefix: str) -> None:
        self.r = client
        self.key = f"{prefix}:leaderboard"

    def record_score(self, player: str, points: float) -> None:
        self.r.zincrby(self.key, points, player)

    def top(self, n: int) -> list[str]:
        return [p.decode() for p in self.r.lrange(self.key, 0, n - 1)]


def bump_page_views(client: redis.Redis, key: str) -> int:
    return client.incr(key)
