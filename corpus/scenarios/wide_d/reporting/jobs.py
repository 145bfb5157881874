"""Report rendering jobs run in the background with an aiojobs scheduler owned by the web app."""

from __future__ import annotations

import asyncio

import aiojobs

RENDERED: dict[str, str] = {}
RENDER_TIME = {"sales": 0.01, "inventory": 0.01, "yearly": 0.4}


async def render(report: str) -> str:
    await asyncio.sleep(RENDER_TIME.get(report, 0.01))
    if report not in RENDER_TIME:
        raise LookupError(f"no template for report {report!r}")
    RENDERED[report] = f"{report}.pdf"
    return RENDERED[report]


class ReportService:
    def __init__(self, limit: int | None = 4, close_timeout: float = 0.1) -> None:
        self.errors: list[BaseException] = []
        self.scheduler = aiojobs.Scheduler(limit=limit, close_timeout=close_timeout,
                                           exception_handler=lambda sched, ctx: self.errors.append(ctx["exception"]))

    def __repr__(self) -> str:
        return f"ReportService(active={self.scheduler.active_count}, pending={self.scheduler.pending_count})"

    async def request(self, report: str) -> aiojobs.Job:
        return await self.scheduler.spawn(render(report), name=f"render-{report}")

    async def close(self) -> None:
        await self.scheduler.close()
