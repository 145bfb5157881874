"""Inventory and wallet services backed by an in-memory async repository."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field


class OutOfStock(Exception):
    pass


@dataclass
class InMemoryRepo:
    """Simulates a storage backend: every read/write yields to the event loop."""

    rows: dict[str, int] = field(default_factory=dict)
    latency: float = 0.0

    async def get(self, key: str) -> int:
        await asyncio.sleep(self.latency)
        return self.rows.get(key, 0)

    async def put(self, key: str, value: int) -> None:
        await asyncio.sleep(self.latency)
        self.rows[key] = value


class InventoryService:
    def __init__(self, repo: InMemoryRepo) -> None:
        self.repo = repo

    async def reserve(self, sku: str, qty: int = 1) -> int:
        current = await self.repo.get(sku)
        if current < qty:
            raise OutOfStock(f"{sku}: requested {qty}, available {current}")
        await self.repo.put(sku, current - qty)
        return current - qty

    async def restock(self, sku: str, qty: int) -> None:
        current = await self.repo.get(sku)
        await self.repo.put(sku, current + qty)


class WalletService:
    def __init__(self, repo: InMemoryRepo) -> None:
        self.repo = repo

    async def transfer(self, src: str, dst: str, amount: int) -> None:
        src_balance = await self.repo.get(src)
        dst_balance = await self.repo.get(dst)
        await self.repo.put(src, src_balance - amount)
        await self.repo.put(dst, dst_balance + amount)


class SlugAllocator:
    def __init__(self) -> None:
        self.taken: set[str] = set()
        self.issued: list[str] = []

    async def _exists(self, slug: str) -> bool:
        await asyncio.sleep(0)
        return slug in self.taken

    async def allocate(self, title: str) -> str:
        base = title.lower().replace(" ", "-")
        candidate, n = base, 1
        while await self._exists(candidate):
            n += 1
            candidate = f"{base}-{n}"
        await asyncio.sleep(0)  # INSERT round-trip
        self.taken.add(candidate)
        self.issued.append(candidate)
        return candidate
