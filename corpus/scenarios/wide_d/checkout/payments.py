"""Checkout payment authorisation with a hard deadline per attempt (async-timeout)."""

from __future__ import annotations

import asyncio

import async_timeout

ACQUIRER_LATENCY = {"visa": 0.01, "amex": 0.01, "legacy-bank": 0.01}


async def acquirer_authorise(scheme: str, amount_cents: int) -> str:
    await asyncio.sleep(ACQUIRER_LATENCY[scheme])
    return f"AUTH-{scheme.upper()}-{amount_cents}"


async def legacy_sdk_authorise(amount_cents: int) -> str | None:
    """The legacy bank SDK swallows every exception and returns None on 'failure'."""
    try:
        return await acquirer_authorise("legacy-bank", amount_cents)
    except BaseException:
        return None


async def authorise(scheme: str, amount_cents: int, deadline: float = 0.2) -> str:
    async with async_timeout.timeout(deadline):
        return await acquirer_authorise(scheme, amount_cents)


async def authorise_split(parts: dict[str, int], deadline: float = 0.2) -> list[str]:
    async with async_timeout.timeout(deadline):
        return list(await asyncio.gather(*(acquirer_authorise(s, a) for s, a in parts.items())))


async def authorise_legacy(amount_cents: int, deadline: float = 0.2) -> str | None:
    async with async_timeout.timeout(deadline):
        return await legacy_sdk_authorise(amount_cents)


class RetryingAuthoriser:
    """One deadline for the whole checkout, shared by every attempt."""

    def __init__(self, deadline: float) -> None:
        self.deadline = async_timeout.timeout(deadline)

    def __repr__(self) -> str:
        return "RetryingAuthoriser()"

    async def attempt(self, scheme: str, amount_cents: int) -> str:
        async with self.deadline:
            return await acquirer_authorise(scheme, amount_cents)

    def extend(self, seconds: float) -> None:
        self.deadline.shift(seconds)
