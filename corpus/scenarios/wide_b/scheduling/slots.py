"""Delivery time slots in the customer's local time zone."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import arrow
import pendulum

UTC = ZoneInfo("UTC")


def slot_start_utc(day: date, local_start: time, tz: str) -> datetime:
    return datetime.combine(day, local_start, tzinfo=ZoneInfo(tz)).astimezone(UTC)


def slot_length_hours(day: date, local_start: time, local_end: time, tz: str) -> float:
    zone = ZoneInfo(tz)
    start = datetime.combine(day, local_start, tzinfo=zone)
    end = datetime.combine(day, local_end, tzinfo=zone)
    return (end.astimezone(UTC) - start.astimezone(UTC)).total_seconds() / 3600


def next_day_same_time(moment: datetime) -> datetime:
    return (moment.astimezone(UTC) + timedelta(days=1)).astimezone(moment.tzinfo)


def parse_carrier_eta(text: str) -> datetime:
    """Carrier feeds send ETAs like "2026-11-28 14:00 GMT"."""
    return arrow.get(text, "YYYY-MM-DD HH:mm ZZZ").datetime


def parse_customer_date(text: str) -> date:
    """Dates typed by customers in the reschedule form ("28/11/2026")."""
    return arrow.get(text, "DD/MM/YYYY").date()


def parse_partner_timestamp(text: str) -> pendulum.DateTime:
    return pendulum.parse(text, strict=True)


def business_days_until(start: pendulum.DateTime, days: int) -> pendulum.DateTime:
    current = start
    while days:
        current = current.add(days=1)
        if 1 <= current.day_of_week <= 5:  # Monday..Friday
            days -= 1
    return current
