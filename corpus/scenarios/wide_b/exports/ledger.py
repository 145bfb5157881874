"""Append-only delivery ledger written by the async workers (aiofiles)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import aiofiles


class Ledger:
    def __init__(self, path: Path) -> None:
        self.path = path

    async def entries(self) -> list[dict]:
        if not self.path.exists():
            return []
        async with aiofiles.open(self.path) as fh:
            return [json.loads(line) for line in (await fh.read()).splitlines() if line]

    async def record(self, entry: dict) -> None:
        """Rewrite the ledger with the new entry (keeps entries sorted by parcel for the auditors)."""
        current = await self.entries()
        current.append(entry)
        current.sort(key=lambda e: e["parcel"])
        async with aiofiles.open(self.path, "w") as fh:
            await fh.write("".join(json.dumps(e) + "\n" for e in current))


class BatchWriter:
    """Streams a batch of entries into one open file handle shared by the worker's tasks."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.fh = None

    async def open(self) -> None:
        self.fh = await aiofiles.open(self.path, "a")

    async def write(self, entry: dict, delay: float = 0.0) -> None:
        await asyncio.sleep(delay)
        await self.fh.write(json.dumps(entry) + "\n")

    async def close(self) -> None:
        await self.fh.close()
