"""Checks the links of the help centre pages concurrently (aiometer), politely towards the docs host."""

from __future__ import annotations

import asyncio
import functools

import aiometer

PAGES = {
    "/help/billing": 0.05,
    "/help/exports": 0.0,
    "/help/api": 0.02,
    "/help/sso": 0.01,
}
STATS = {"checked": 0}
BROKEN = {"/help/legacy"}


async def fetch_status(path: str) -> int:
    await asyncio.sleep(PAGES.get(path, 0.0))
    return 404 if path in BROKEN else 200


async def audit(path: str, status: int) -> None:
    await asyncio.sleep(0.01)  # the audit log write


async def check(path: str) -> tuple[str, int]:
    status = await fetch_status(path)
    checked = STATS["checked"]
    await audit(path, status)
    STATS["checked"] = checked + 1
    return path, status


async def report(paths: list[str], at_once: int = 4) -> list[tuple[str, int]]:
    results = []
    async with aiometer.amap(check, paths, max_at_once=at_once) as checked:
        async for item in checked:
            results.append(item)
    return results


async def crawl_polite(paths: list[str], per_second: float) -> list[tuple[str, int]]:
    return await aiometer.run_all([functools.partial(check, p) for p in paths], max_per_second=per_second)


async def strict_check(path: str) -> tuple[str, int]:
    path, status = await check(path)
    if status != 200:
        raise ValueError(f"broken help link {path}: HTTP {status}")
    return path, status


async def strict_report(paths: list[str]) -> list[tuple[str, int]]:
    return await aiometer.run_all([functools.partial(strict_check, p) for p in paths], max_at_once=2)


async def crawl_with_sitemap(paths: list[str]) -> list[str]:
    """The sitemap builder waits until every page checker has reported in."""
    ready = asyncio.Event()
    seen: list[str] = []

    async def visit(path: str) -> None:
        seen.append(path)
        if len(seen) == len(paths):
            ready.set()
        await ready.wait()

    await aiometer.run_on_each(visit, paths, max_at_once=2)
    return seen
