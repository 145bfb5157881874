"""Courier dispatch: fans out quote requests to carriers, books pickups, keeps counters."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

DELAYS = {"dhl": 0.03, "ups": 0.01, "fedex": 0.02}


async def carrier_quote(carrier: str) -> dict:
    await asyncio.sleep(DELAYS[carrier])
    return {"carrier": carrier, "price": {"dhl": 11.0, "ups": 9.5, "fedex": 10.25}[carrier]}


async def collect_quotes(carriers: list[str]) -> list[dict]:
    quotes: list[dict] = []

    async def one(c):
        quotes.append(await carrier_quote(c))

    await asyncio.gather(*(one(c) for c in carriers))
    return quotes


async def quotes_as_ready(carriers: list[str]) -> list[str]:
    out = []
    for fut in asyncio.as_completed([carrier_quote(c) for c in carriers]):
        out.append((await fut)["carrier"])
    return out


async def quotes_in_group(carriers: list[str]) -> list[str]:
    seen: list[str] = []

    async def one(c):
        seen.append((await carrier_quote(c))["carrier"])

    async with asyncio.TaskGroup() as tg:
        for c in carriers:
            tg.create_task(one(c))
    return seen


@dataclass
class Counter:
    value: int = 0

    async def bump(self) -> None:
        current = self.value
        await asyncio.sleep(0)
        self.value = current + 1


@dataclass
class Wallet:
    balance: int

    async def charge(self, amount: int) -> bool:
        if self.balance >= amount:
            await asyncio.sleep(0.01)  # fraud check
            self.balance -= amount
            return True
        return False

    async def top_up(self, amount: int) -> None:
        balance = self.balance
        await asyncio.sleep(0.01)  # ledger write
        self.balance = balance + amount


class Notifier:
    def __init__(self, sender) -> None:
        self.sender = sender

    def pickup_booked(self, order_id: str) -> None:
        asyncio.get_running_loop().create_task(self.sender(order_id, "pickup-booked"))


class TokenCache:
    def __init__(self, fetch) -> None:
        self.fetch = fetch
        self.token = None

    async def get(self) -> str:
        if self.token is None:
            self.token = await self.fetch()
        return self.token


async def process(queue: asyncio.Queue, done: list) -> None:
    while True:
        item = await queue.get()
        await asyncio.sleep(0.01)
        done.append(item)
        queue.task_done()


async def first_available(carriers: list[str]) -> str:
    tasks = {asyncio.ensure_future(carrier_quote(c)): c for c in carriers}
    finished, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    for t in pending:
        t.cancel()
    return tasks[finished.pop()]


async def reserve_slot(redis, slot: str) -> int:
    left = int(await redis.get(f"slot:{slot}"))
    await asyncio.sleep(0.005)
    await redis.set(f"slot:{slot}", left - 1)
    return left - 1


# ---- depot scanner service (aiohttp) and the pickup ledger (aiosqlite) ------------------------------------------

from aiohttp import web  # noqa: E402


async def scan(request: web.Request) -> web.Response:
    depot = request.app["depot"]
    seen = depot["scanned"]
    await asyncio.sleep(0.001)  # barcode lookup
    depot["scanned"] = seen + 1
    return web.json_response({"scanned": depot["scanned"]})


def make_depot_app() -> web.Application:
    app = web.Application()
    app["depot"] = {"scanned": 0}
    app.router.add_post("/scan", scan)
    return app


async def book_pickup(db, route: str, parcels: int) -> None:
    async with db.execute("SELECT load FROM routes WHERE name = ?", (route,)) as cur:
        (load,) = await cur.fetchone()
    await asyncio.sleep(0.005)  # capacity check
    await db.execute("UPDATE routes SET load = ? WHERE name = ?", (load + parcels, route))
    await db.commit()
