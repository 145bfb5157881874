import asyncio

import pytest
import pytest_asyncio
from django.contrib.auth.models import User
from django.test import AsyncClient

from .moderation import FLAGGED, fetch_flag_count, flag_comment, flag_count_for_admin, mark_reviewed, wait_for_review


def test_admin_sees_flag_count():
    FLAGGED["c1"] = 2
    assert flag_count_for_admin("c1") == 2


async def test_single_flag_recorded():
    await flag_comment("c2")
    assert await fetch_flag_count("c2") == 1


@pytest.mark.failure(category="5", library="asgiref", dist="asgiref", shape="async", cause="async-to-sync-inside-running-loop")
async def test_consumer_reads_admin_flag_count():
    FLAGGED["c3"] = 1
    assert flag_count_for_admin("c3") == 1


@pytest.mark.failure(category="5", library="asgiref", dist="asgiref", shape="assert", cause="lost-update-concurrent-sync-to-async")
async def test_concurrent_flags_all_counted():
    await asyncio.gather(*(flag_comment("c4") for _ in range(5)))
    assert await fetch_flag_count("c4") == 5


@pytest.mark.failure(category="5", library="asgiref", dist="asgiref", shape="timeout", cause="thread-sensitive-deadlock")
@pytest.mark.timeout(1)
async def test_review_handshake_between_moderators():
    waiter = asyncio.ensure_future(wait_for_review())
    await asyncio.sleep(0.05)
    await mark_reviewed()
    assert await waiter is True


@pytest.mark.failure(category="5", library="django", dist="Django", shape="async", cause="sync-orm-call-from-async-context")
async def test_moderators_exist():
    assert not User.objects.filter(is_staff=True).exists()


@pytest.mark.failure(category="5", library="django", dist="Django", shape="async", cause="sync-orm-call-from-async-context")
async def test_async_client_search_page():
    async def staff_count():
        return User.objects.filter(is_staff=True).count()

    resp = await AsyncClient().get("/search", {"q": "parcel"})
    assert resp.status_code == 200
    assert await staff_count() == 0


@pytest_asyncio.fixture
async def admin_counts():
    FLAGGED["c9"] = 3
    return {"c9": flag_count_for_admin("c9")}


@pytest.mark.failure(category="5", library="asgiref", dist="asgiref", shape="setup", cause="async-to-sync-inside-running-loop")
async def test_admin_and_consumer_agree(admin_counts):
    assert admin_counts["c9"] == await fetch_flag_count("c9")
