"""Recurring meetings, room bookings and the on-call agenda."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dateutil.rrule import WEEKLY, rrule, weekday


@dataclass(frozen=True)
class Booking:
    room: str
    start: datetime
    end: datetime
    title: str = ""


def daily_slots(first: date, last: date) -> list[date]:
    """Every day from `first` to `last`, both included."""
    return [first + timedelta(days=i) for i in range((last - first).days)]


def sprint_days(start: date, end: date) -> list[date]:
    """Working days (Mon-Fri) of a sprint, from its first to its last day."""
    return [d for d in daily_slots(start, end) if d.weekday() < 5]


def overlaps(a: Booking, b: Booking) -> bool:
    return a.room == b.room and a.start <= b.end and b.start <= a.end


def conflicts(bookings: list[Booking]) -> list[tuple[str, str]]:
    found = []
    for a, b in itertools.combinations(bookings, 2):
        if overlaps(a, b):
            found.append((a.title, b.title))
    return found


def weekly_on(first: datetime, weekday_iso: int, count: int) -> list[datetime]:
    """The next `count` weekly occurrences on an ISO weekday (1 = Monday ... 7 = Sunday)."""
    return list(rrule(WEEKLY, dtstart=first, byweekday=weekday(weekday_iso), count=count))


def occurrences_between(first: datetime, start: datetime, end: datetime) -> list[datetime]:
    """Occurrences of a weekly series between start and end, both included."""
    return rrule(WEEKLY, dtstart=first).between(start, end)


def agenda_by_day(bookings: list[Booking]) -> dict[date, list[str]]:
    return {day: [b.title for b in group] for day, group in itertools.groupby(bookings, key=lambda b: b.start.date())}
