"""A tiny user service with a memoised lookup in front of the "database"."""

from __future__ import annotations

from functools import lru_cache

_DB: dict[int, dict] = {
    1: {"email": "old@example.com", "name": "Alice"},
    2: {"email": "bob@example.com", "name": "Bob"},
}


@lru_cache(maxsize=256)
def get_user_email(user_id: int) -> str:
    return _DB[user_id]["email"]


def update_email(user_id: int, email: str) -> None:
    _DB[user_id]["email"] = email  # the memoised lookup is not invalidated


@lru_cache(maxsize=None)
def get_user(user_id: int) -> dict:
    return _DB[user_id]
