"""Business-day arithmetic for payment terms and subscription renewals."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from dateutil import parser as date_parser

HOLIDAYS = {date(2024, 12, 25), date(2024, 12, 26), date(2025, 1, 1)}
_OFFSET = re.compile(r"^(?P<stamp>\d{4}-\d{2}-\d{2} \d{2}:\d{2}) (?P<sign>[+-])(?P<hh>\d{2})(?P<mm>\d{2})$")


def is_leap_year(year: int) -> bool:
    return year % 4 == 0


def days_in_february(year: int) -> int:
    return 29 if is_leap_year(year) else 28


def is_weekend(day: date) -> bool:
    # Saturday and Sunday
    return day.isoweekday() in (5, 6)


def next_business_day(day: date) -> date:
    day += timedelta(days=1)
    while is_weekend(day) or day in HOLIDAYS:
        day += timedelta(days=1)
    return day


def add_business_days(day: date, count: int) -> date:
    for _ in range(count):
        day = next_business_day(day)
    return day


def add_months(day: date, months: int) -> date:
    """Same day of month, `months` later (clamped to the month's last day)."""
    month_index = day.month - 1 + months
    return day.replace(year=day.year + month_index // 12, month=month_index % 12 + 1)


def to_utc(stamp: str) -> datetime:
    """'2024-06-01 12:00 +0200' -> the same instant in UTC."""
    match = _OFFSET.match(stamp)
    if match is None:
        raise ValueError(f"not a timestamp with offset: {stamp!r}")
    local = datetime.strptime(match["stamp"], "%Y-%m-%d %H:%M")
    offset = timedelta(hours=int(match["hh"]), minutes=int(match["mm"]))
    if match["sign"] == "-":
        offset = -offset
    return (local + offset).replace(tzinfo=UTC)


def parse_invoice_date(text: str) -> date:
    """Dates on supplier invoices are written day first: 03/04/2024 is the 3rd of April."""
    return date_parser.parse(text).date()
