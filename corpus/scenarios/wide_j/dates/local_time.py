"""Wall-clock times of shifts and deadlines in the offices' own time zones."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")


def shift_hours(start: datetime, end: datetime) -> float:
    """Hours actually worked between two aware local times."""
    return (end - start).total_seconds() / 3600


def same_time_next_day(moment: datetime) -> datetime:
    """The same wall-clock time on the next calendar day (e.g. a daily stand-up)."""
    utc = moment.astimezone(UTC) + timedelta(hours=24)
    return utc.astimezone(moment.tzinfo)


def deadline_utc(local_text: str, zone: str) -> datetime:
    """A deadline typed in an office's local time, as an aware UTC datetime."""
    naive = datetime.strptime(local_text, "%Y-%m-%d %H:%M")
    return naive.replace(tzinfo=UTC)


def hours_left(deadline_text: str, now: datetime) -> float:
    deadline = datetime.strptime(deadline_text, "%Y-%m-%d %H:%M")
    return (deadline - now).total_seconds() / 3600
