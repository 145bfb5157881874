from __future__ import annotations

import unittest
from datetime import UTC, date, datetime

import pytest

from .business_days import (
    add_months,
    days_in_february,
    is_leap_year,
    is_weekend,
    next_business_day,
    parse_invoice_date,
    to_utc,
)


@pytest.mark.parametrize(
    ("year", "leap"),
    [
        (2024, True),
        (2023, False),
        (2000, True),
        (2028, True),
        pytest.param(
            2100,
            False,
            marks=pytest.mark.failure(
                category="other", library="datetime", dist=None, shape="assert", cause="leap-year-rule"
            ),
        ),
    ],
)
def test_gregorian_leap_years(year, leap):
    assert is_leap_year(year) == leap


@pytest.fixture
def february_2100_closing_day():
    return date(2100, 2, days_in_february(2100))


@pytest.mark.failure(category="other", library="datetime", dist=None, shape="setup", cause="leap-year-rule")
def test_month_end_closing_in_2100(february_2100_closing_day):
    assert february_2100_closing_day.isoweekday() == 7


@pytest.mark.failure(category="other", library="datetime", dist=None, shape="assert", cause="weekday-index-confusion")
def test_next_business_day_skips_weekend():
    friday = date(2024, 3, 8)
    assert next_business_day(friday) == date(2024, 3, 11)


class WeekendTests(unittest.TestCase):
    @pytest.mark.failure(
        category="other", library="datetime", dist=None, shape="assert", cause="weekday-index-confusion"
    )
    def test_friday_is_a_working_day(self):
        self.assertFalse(is_weekend(date(2024, 5, 17)), "Friday 17 May 2024 flagged as weekend")


@pytest.mark.failure(category="other", library="datetime", dist=None, shape="raised", cause="month-end-overflow")
def test_subscription_started_on_31st_renews_end_of_february():
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)


@pytest.mark.failure(category="other", library="datetime", dist=None, shape="raised", cause="month-end-overflow")
def test_quarterly_billing_from_august_31st():
    renewals = [add_months(date(2023, 8, 31), 3 * n) for n in range(1, 4)]
    assert renewals == [date(2023, 11, 30), date(2024, 2, 29), date(2024, 5, 31)]


@pytest.mark.failure(category="other", library="datetime", dist=None, shape="assert", cause="timezone-offset-sign")
def test_paris_summer_noon_is_ten_utc():
    assert to_utc("2024-06-01 12:00 +0200") == datetime(2024, 6, 1, 10, 0, tzinfo=UTC)


@pytest.mark.failure(category="other", library="datetime", dist=None, shape="assert", cause="timezone-offset-sign")
def test_new_york_order_placed_after_midnight_utc():
    placed = to_utc("2024-11-05 21:30 -0500")
    assert placed.date() == date(2024, 11, 6)
    assert placed.hour == 2


@pytest.mark.failure(
    category="other", library="dateutil", dist="python-dateutil", shape="assert", cause="day-month-order-ambiguity"
)
def test_supplier_invoice_date_is_day_first():
    assert parse_invoice_date("03/04/2024") == date(2024, 4, 3)


@pytest.mark.failure(
    category="other", library="dateutil", dist="python-dateutil", shape="assert", cause="day-month-order-ambiguity"
)
def test_invoice_dates_sort_chronologically():
    parsed = sorted(parse_invoice_date(text) for text in ["11/02/2024", "05/03/2024", "28/02/2024"])
    assert [d.isoformat() for d in parsed] == ["2024-02-11", "2024-02-28", "2024-03-05"]
