"""Moderation queue shared by the sync Django admin and the async websocket consumers (asgiref bridges)."""

from __future__ import annotations

import threading
import time

from asgiref.sync import async_to_sync, sync_to_async

FLAGGED: dict[str, int] = {}
REVIEW_DONE = threading.Event()


async def fetch_flag_count(comment_id: str) -> int:
    return FLAGGED.get(comment_id, 0)


def flag_count_for_admin(comment_id: str) -> int:
    """Used by the (sync) admin views."""
    return async_to_sync(fetch_flag_count)(comment_id)


def _flag(comment_id: str) -> None:
    current = FLAGGED.get(comment_id, 0)
    time.sleep(0.01)  # the real implementation writes an audit row here
    FLAGGED[comment_id] = current + 1


flag_comment = sync_to_async(_flag, thread_sensitive=False)


def _wait_for_review(timeout: float = 3.0) -> bool:
    return REVIEW_DONE.wait(timeout)


def _mark_reviewed() -> None:
    REVIEW_DONE.set()


wait_for_review = sync_to_async(_wait_for_review)  # thread_sensitive=True: runs in the one shared sync thread
mark_reviewed = sync_to_async(_mark_reviewed)
