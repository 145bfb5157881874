"""Customer profiles, cached with cashews (in-memory backend in tests, Redis in production)."""

from __future__ import annotations

from cashews import cache

cache.setup("mem://", size=1000)

DIRECTORY: dict[int, dict] = {}


@cache(ttl="10m", key="profile:{user_id}")
async def get_profile(user_id: int) -> dict:
    return dict(DIRECTORY[user_id])


@cache(ttl="5m", key="loyalty:{user_id}")
async def loyalty_tier(user_id: int) -> str:
    points = DIRECTORY[user_id].get("points", 0)
    return "gold" if points >= 1000 else "silver" if points >= 200 else "bronze"


async def rename(user_id: int, display_name: str) -> None:
    DIRECTORY[user_id]["display_name"] = display_name
    await cache.delete(f"profiles:{user_id}")


async def add_points(user_id: int, points: int) -> str:
    DIRECTORY[user_id]["points"] = DIRECTORY[user_id].get("points", 0) + points
    await cache.delete_match(f"loyalty:{user_id}")
    return await loyalty_tier(user_id)


async def greeting(user_id: int) -> str:
    profile = await get_profile(user_id)
    return f"Hi {profile['display_name'].split()[0]}!"


class ProfileIncomplete(Exception):
    pass


async def contact_email(user_id: int) -> str:
    profile = await get_profile(user_id)
    try:
        return profile["email"]
    except KeyError as exc:
        raise ProfileIncomplete(f"profile {user_id} has no e-mail address") from exc
