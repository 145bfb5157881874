import asyncio
import gc
import logging
from unittest.mock import AsyncMock

import pytest


class ThumbnailService:
    def __init__(self, storage) -> None:
        self.storage = storage

    async def regenerate(self, image_id: int) -> None:
        await asyncio.sleep(0.5)
        await self.storage.save(image_id, b"...")

    def schedule(self, image_id: int) -> None:
        # nobody keeps a reference to the task
        asyncio.get_running_loop().create_task(self.regenerate(image_id))


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="assert", cause="task-destroyed-pending")
def test_regeneration_shuts_down_cleanly(caplog):
    storage = AsyncMock()

    async def handler():
        ThumbnailService(storage).schedule(17)
        await asyncio.sleep(0)

    loop = asyncio.new_event_loop()
    with caplog.at_level(logging.ERROR, logger="asyncio"):
        loop.run_until_complete(handler())
        loop.close()
        gc.collect()
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == []


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="raised", cause="coroutine-never-awaited-warning")
@pytest.mark.filterwarnings("error::RuntimeWarning")
@pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.asyncio
async def test_audit_trail_written_on_login():
    audit = AsyncMock()

    async def login(user: str) -> str:
        audit.record("login", user)  # AsyncMock: returns a coroutine that is never awaited
        await asyncio.sleep(0)
        return f"token-{user}"

    assert await login("grace") == "token-grace"
    gc.collect()


@pytest.mark.failure(category="5", library="unittest.mock", dist=None, shape="assert", cause="asyncmock-side-effect-timing")
@pytest.mark.asyncio
async def test_retry_waits_for_backoff_before_second_attempt():
    attempts: list[float] = []
    loop = asyncio.get_running_loop()

    async def flaky(*_):
        attempts.append(loop.time())
        if len(attempts) == 1:
            raise TimeoutError("gateway timeout")
        return {"ok": True}

    gateway = AsyncMock(side_effect=flaky)

    async def charge_with_retry():
        for delay in (0.0, 0.02):
            try:
                return await gateway("card-1", 500)
            except TimeoutError:
                asyncio.create_task(asyncio.sleep(delay))  # backoff fired but never awaited
        raise RuntimeError("charge failed")

    await charge_with_retry()
    gateway.assert_awaited()
    assert attempts[1] - attempts[0] >= 0.02


@pytest.mark.failure(category="5", library="unittest.mock", dist=None, shape="raised", cause="asyncmock-side-effect-exhausted-by-concurrency")
@pytest.mark.asyncio
async def test_prefetch_pages_concurrently():
    fetch_page = AsyncMock(side_effect=[{"page": 1, "next": 2}, {"page": 2, "next": None}])

    async def crawl(start: int):
        page = await fetch_page(start)
        while page["next"]:
            page = await fetch_page(page["next"])

    # a second crawler was added for the "recent" feed; both share the mocked fetcher
    await asyncio.gather(crawl(1), crawl(1))
