from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pendulum
import pytest

from .slots import (
    business_days_until,
    next_day_same_time,
    parse_carrier_eta,
    parse_customer_date,
    parse_partner_timestamp,
    slot_length_hours,
    slot_start_utc,
)


def test_morning_slot_in_winter_is_utc():
    assert slot_start_utc(date(2026, 1, 12), time(9), "Europe/London") == datetime(2026, 1, 12, 9, tzinfo=ZoneInfo("UTC"))


def test_customer_date_parsed():
    assert parse_customer_date("28/11/2026") == date(2026, 11, 28)


def test_partner_timestamp_parsed():
    assert parse_partner_timestamp("2026-11-26T10:00:00+00:00").hour == 10


@pytest.mark.failure(category="other", library="zoneinfo", dist=None, shape="assert", cause="dst-transition-bug")
def test_summer_slot_start_in_utc():
    assert slot_start_utc(date(2026, 7, 1), time(9), "Europe/London").hour == 9


@pytest.mark.failure(category="other", library="zoneinfo", dist=None, shape="assert", cause="dst-transition-bug")
def test_evening_slot_is_four_hours_on_clock_change_day():
    assert slot_length_hours(date(2026, 10, 25), time(0), time(4), "Europe/London") == 4


@pytest.mark.failure(category="other", library="zoneinfo", dist=None, shape="assert", cause="dst-transition-bug")
def test_redelivery_keeps_the_same_wall_clock_time():
    before_change = datetime(2026, 3, 28, 10, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    assert next_day_same_time(before_change).hour == 10


@pytest.mark.failure(category="other", library="zoneinfo", dist=None, shape="assert", cause="dst-transition-bug")
def test_sydney_slot_start_in_utc():
    # Sydney is UTC+10 in July and UTC+11 in January
    assert slot_start_utc(date(2026, 1, 15), time(9), "Australia/Sydney").hour == 23


@pytest.mark.failure(category="other", library="arrow", dist="arrow", shape="raised", cause="date-parse-error")
def test_carrier_eta_with_named_zone():
    assert parse_carrier_eta("2026-11-28 14:00 CEST").hour == 14


@pytest.mark.failure(category="other", library="arrow", dist="arrow", shape="raised", cause="date-parse-error")
def test_customer_date_with_dashes():
    assert parse_customer_date("28-11-2026") == date(2026, 11, 28)


@pytest.mark.failure(category="other", library="pendulum", dist="pendulum", shape="raised", cause="date-parse-error")
def test_partner_timestamp_without_seconds_and_offset_name():
    assert parse_partner_timestamp("2026-11-26 10:00 CET").hour == 10


@pytest.mark.failure(category="other", library="pendulum", dist="pendulum", shape="assert", cause="weekday-numbering-assumption")
def test_next_business_day_after_friday_is_monday():
    friday = pendulum.datetime(2026, 11, 27, 17, tz="Europe/London")
    assert business_days_until(friday, 1).day_of_week == pendulum.MONDAY
