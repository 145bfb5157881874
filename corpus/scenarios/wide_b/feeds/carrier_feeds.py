"""Pulls tracking updates from carrier feeds; each carrier's contract caps our pulls, enforced with throttled-py."""

from __future__ import annotations

from throttled import MemoryStore, Throttled, per_hour

STORE = MemoryStore()

FEEDS = {
    "dhl": [{"parcel": "PX-1", "event": "picked-up"}, {"parcel": "PX-2", "event": "in-transit"}],
    "ups": [{"parcel": "PX-7", "event": "delivered"}],
}


@Throttled(key="carrier:dhl", quota=per_hour(4), store=STORE)
def pull_dhl() -> list[dict]:
    return list(FEEDS["dhl"])


@Throttled(key="carrier:ups", quota=per_hour(1), store=STORE)
def pull_ups() -> list[dict]:
    return list(FEEDS["ups"])


def remaining_pulls(carrier: str) -> int:
    return Throttled(key=f"carrier:{carrier}", quota=per_hour(4), store=STORE).peek(f"carrier:{carrier}").remaining


def pull_all() -> dict[str, list[dict]]:
    return {"dhl": pull_dhl(), "ups": pull_ups()}
