"""Per-tenant settings loaded from the config service and cached in-process (asyncstdlib caches)."""

from __future__ import annotations

import asyncio

import asyncstdlib as a

BACKEND_CALLS: dict[str, int] = {}
SETTINGS = {"acme": {"theme": "dark", "seats": 40}, "globex": {"theme": "light", "seats": 12}}


async def _backend(tenant: str) -> dict:
    BACKEND_CALLS[tenant] = BACKEND_CALLS.get(tenant, 0) + 1
    await asyncio.sleep(0.02)
    return dict(SETTINGS[tenant])


@a.lru_cache(maxsize=128)
async def tenant_settings(tenant: str) -> dict:
    return await _backend(tenant)


class Tenant:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"Tenant({self.name!r})"

    @a.cached_property
    async def billing_plan(self) -> str:
        return "enterprise" if (await _backend(self.name))["seats"] > 20 else "team"


async def audit_events(tenant: str):
    for n in range(4):
        await asyncio.sleep(0.01)
        yield f"{tenant}:event-{n}"


async def export_worker(events, out: list[str]) -> None:
    while True:
        event = await a.anext(events, None)
        if event is None:
            return
        out.append(event)
