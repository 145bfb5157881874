"""Proof-of-delivery thumbnails are rendered in a worker pool and awaited from the async API."""

from __future__ import annotations

import asyncio
import concurrent.futures
import time

POOL = concurrent.futures.ThreadPoolExecutor(max_workers=4, thread_name_prefix="thumbs")


def render(photo_id: str, size_px: int) -> str:
    time.sleep(size_px / 4000)  # bigger thumbnails take longer
    return f"{photo_id}@{size_px}"


async def render_async(photo_id: str, size_px: int) -> str:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(POOL, render, photo_id, size_px)


def render_all(photo_id: str, sizes: list[int]) -> list[str]:
    futures = [POOL.submit(render, photo_id, s) for s in sizes]
    return [f.result() for f in concurrent.futures.as_completed(futures)]


async def render_within(photo_id: str, size_px: int, seconds: float) -> str:
    return await asyncio.wait_for(render_async(photo_id, size_px), timeout=seconds)


def shutdown() -> None:
    POOL.shutdown(wait=True)


class ThumbnailTimeout(RuntimeError):
    pass


async def render_for_api(photo_id: str, size_px: int) -> str:
    try:
        return await asyncio.wait_for(render_async(photo_id, size_px), timeout=0.05)
    except TimeoutError as exc:
        raise ThumbnailTimeout(f"thumbnail {photo_id}@{size_px} not ready") from exc
