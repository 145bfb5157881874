"""Checkout flow: quote shipping from several carriers, capture the payment, persist the order (aiosqlite)."""

from __future__ import annotations

import asyncio
import threading
import time

import aiosqlite


class PaymentGateway:
    def __init__(self, client) -> None:
        self.client = client
        self.captured: list[str] = []

    async def capture(self, order: str, amount: int) -> str:
        ref = await self.client.capture(order=order, amount=amount)
        self.captured.append(order)
        return ref

    async def capture_with_retry(self, order: str, amount: int, attempts: int = 3) -> str:
        # attempts are raced: the first capture that succeeds wins, the others are voided by the PSP
        tasks = [asyncio.create_task(self.client.capture(order=order, amount=amount)) for _ in range(attempts)]
        for fut in asyncio.as_completed(tasks):
            try:
                return await fut
            except ConnectionError:
                continue
        raise ConnectionError("all capture attempts failed")


async def checkout(gateway: PaymentGateway, order: str, amount: int, fraud_check) -> str:
    await fraud_check(order)
    # never lose a capture half-way: the capture itself is shielded from cancellation
    return await asyncio.shield(gateway.capture(order, amount))


async def fastest_quote(carriers: dict[str, float]) -> str:
    async def quote(name: str, latency: float) -> str:
        await asyncio.sleep(latency)
        return name

    tasks = [asyncio.create_task(quote(n, l)) for n, l in carriers.items()]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    for task in pending:
        task.cancel()
    return next(iter(done)).result()


class OrderStore:
    def __init__(self, path: str) -> None:
        self.path = path
        self.db: aiosqlite.Connection | None = None

    async def open(self) -> None:
        self.db = await aiosqlite.connect(self.path)
        await self.db.execute("CREATE TABLE IF NOT EXISTS orders (id TEXT PRIMARY KEY, total INTEGER)")

    async def save_many(self, orders: list[tuple[str, int]]) -> None:
        for order in orders:
            await self.db.execute("INSERT INTO orders VALUES (?, ?)", order)
            await asyncio.sleep(0.01)
        await self.db.commit()

    async def close(self) -> None:
        await self.db.close()


class FraudScoreWorker:
    """Scores are computed by a native library on its own thread and handed back as futures."""

    def __init__(self) -> None:
        self.errors: list[BaseException] = []

    async def score(self, order: str, within: float = 0.3) -> int:
        fut = asyncio.get_running_loop().create_future()

        def work():
            time.sleep(0.01)  # the native scorer
            try:
                fut.set_result(7 if order.endswith("1") else 42)
            except BaseException as exc:
                self.errors.append(exc)

        threading.Thread(target=work, daemon=True).start()
        score = await asyncio.wait_for(fut, within)
        if self.errors:  # the scorer thread reports its own failures
            raise self.errors[0]
        return score
