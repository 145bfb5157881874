"""Blocking reporting helpers shared with the nightly CLI."""

from __future__ import annotations

import asyncio
from decimal import Decimal

from sqlalchemy import text


async def _fx_rate(currency: str) -> Decimal:
    await asyncio.sleep(0)
    return Decimal("1.00") if currency == "EUR" else Decimal("0.92")


def totals_blocking(connection) -> Decimal:
    total = Decimal(str(connection.execute(text("SELECT coalesce(sum(balance), 0) FROM wallets")).scalar_one()))
    rate = asyncio.run(_fx_rate("EUR"))
    return total * rate
