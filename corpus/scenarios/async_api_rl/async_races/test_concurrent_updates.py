import asyncio
from unittest.mock import AsyncMock

import pytest

from .inventory import InMemoryRepo, InventoryService, OutOfStock, SlugAllocator, WalletService


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="assert", cause="lost-update-read-modify-write")
@pytest.mark.asyncio
async def test_concurrent_updates():
    repo = InMemoryRepo({"sku-123": 10})
    service = InventoryService(repo)

    await asyncio.gather(*(service.reserve("sku-123") for _ in range(10)))

    assert repo.rows["sku-123"] == 0


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="assert", cause="lost-update-read-modify-write")
@pytest.mark.asyncio
async def test_parallel_transfers_preserve_total_balance():
    repo = InMemoryRepo({"alice": 500, "bob": 500, "carol": 500})
    wallets = WalletService(repo)

    await asyncio.gather(
        wallets.transfer("alice", "bob", 100),
        wallets.transfer("bob", "carol", 50),
        wallets.transfer("carol", "alice", 25),
    )

    assert sum(repo.rows.values()) == 1500
    assert repo.rows == {"alice": 425, "bob": 550, "carol": 525}


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="assert", cause="check-then-act-oversell")
@pytest.mark.asyncio
async def test_last_item_cannot_be_sold_twice():
    repo = InMemoryRepo({"limited-edition": 1})
    service = InventoryService(repo)

    results = await asyncio.gather(
        service.reserve("limited-edition"),
        service.reserve("limited-edition"),
        return_exceptions=True,
    )

    failures = [r for r in results if isinstance(r, OutOfStock)]
    assert len(failures) == 1, f"expected exactly one buyer to be rejected, got {results!r}"


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="assert", cause="check-then-act-duplicate")
@pytest.mark.asyncio
async def test_slugs_are_unique_under_concurrent_publish():
    allocator = SlugAllocator()

    slugs = await asyncio.gather(*(allocator.allocate("Release Notes") for _ in range(3)))

    assert len(set(slugs)) == len(slugs)


class CachedProfileService:
    def __init__(self, backend) -> None:
        self.backend = backend
        self._cache: dict[int, dict] = {}

    async def get_profile(self, user_id: int) -> dict:
        if user_id not in self._cache:
            self._cache[user_id] = await self.backend.fetch_profile(user_id)
        return self._cache[user_id]


@pytest.mark.failure(category="5", library="unittest.mock", dist=None, shape="assert", cause="asyncmock-awaited-count-race")
@pytest.mark.asyncio
async def test_profile_is_fetched_once_for_concurrent_requests():
    async def slow_fetch(user_id):
        await asyncio.sleep(0.01)  # network round-trip
        return {"id": user_id, "name": "Ada"}

    backend = AsyncMock()
    backend.fetch_profile.side_effect = slow_fetch
    service = CachedProfileService(backend)

    await asyncio.gather(service.get_profile(7), service.get_profile(7), service.get_profile(7))

    backend.fetch_profile.assert_awaited_once_with(7)


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="assert", cause="lost-update-read-modify-write")
@pytest.mark.asyncio
async def test_restock_and_reserve_interleaving():
    repo = InMemoryRepo({"sku-9": 5}, latency=0.001)
    service = InventoryService(repo)

    await asyncio.gather(service.restock("sku-9", 20), service.reserve("sku-9", 3))

    assert await repo.get("sku-9") == 22
