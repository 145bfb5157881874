import asyncio

import pytest

from .settings_store import BACKEND_CALLS, Tenant, audit_events, export_worker, tenant_settings


@pytest.fixture(autouse=True)
def cold_cache():
    tenant_settings.cache_clear()
    BACKEND_CALLS.clear()


async def test_acme_theme():
    assert (await tenant_settings("acme"))["theme"] == "dark"


async def test_second_lookup_is_cached():
    await tenant_settings("globex")
    await tenant_settings("globex")
    assert BACKEND_CALLS == {"globex": 1}


@pytest.mark.failure(category="5", library="asyncstdlib", dist="asyncstdlib", shape="assert", cause="concurrent-cache-misses-duplicate-backend-calls")
async def test_dashboard_widgets_share_one_settings_load():
    await asyncio.gather(*(tenant_settings("acme") for _ in range(3)))
    assert BACKEND_CALLS == {"acme": 1}


async def test_plan_for_large_tenant():
    assert await Tenant("acme").billing_plan == "enterprise"


@pytest.mark.failure(category="5", library="asyncstdlib", dist="asyncstdlib", shape="async", cause="async-generator-advanced-by-two-tasks")
async def test_parallel_audit_export():
    events = audit_events("acme")
    out: list[str] = []
    await asyncio.gather(export_worker(events, out), export_worker(events, out))
    assert sorted(out) == [f"acme:event-{n}" for n in range(4)]


@pytest.mark.failure(category="other", library="asyncstdlib", dist="asyncstdlib", shape="raised", cause="unknown-tenant-keyerror")
async def test_new_tenant_defaults():
    assert (await tenant_settings("initech"))["seats"] == 5
