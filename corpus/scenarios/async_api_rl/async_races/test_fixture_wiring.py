"""Async fixtures/tests that pytest-asyncio (strict mode) does not drive."""

import asyncio

import pytest
import pytest_asyncio


@pytest.fixture
async def warmed_cache():
    cache = {}
    await asyncio.sleep(0)
    cache["config"] = {"feature_x": True}
    return cache


@pytest.mark.failure(category="5", library="pytest-asyncio", dist="pytest-asyncio", shape="setup", cause="async-fixture-without-asyncio-decorator")
@pytest.mark.asyncio
async def test_feature_flag_enabled(warmed_cache):
    assert warmed_cache["config"]["feature_x"] is True


@pytest_asyncio.fixture(loop_scope="module")
async def module_loop_queue():
    queue = asyncio.Queue()
    asyncio.get_running_loop().call_later(0.005, queue.put_nowait, "boot")
    await queue.get()
    return queue


@pytest.mark.failure(category="5", library="pytest-asyncio", dist="pytest-asyncio", shape="async", cause="fixture-loop-scope-mismatch")
@pytest.mark.asyncio
async def test_boot_sequence_queue_reused(module_loop_queue):
    asyncio.get_running_loop().call_later(0.005, module_loop_queue.put_nowait, "ready")
    assert await asyncio.wait_for(module_loop_queue.get(), 0.1) == "ready"
