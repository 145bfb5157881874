from __future__ import annotations

from datetime import date, datetime

import pytest

from .calendar_rules import Booking, agenda_by_day, occurrences_between, overlaps, sprint_days, weekly_on


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2024, 9, day, hour, minute)


@pytest.mark.failure(
    category="other", library="datetime", dist=None, shape="assert", cause="inclusive-vs-exclusive-bound"
)
def test_back_to_back_meetings_do_not_conflict():
    standup = Booking("Aurora", at(2, 9), at(2, 9, 30), "stand-up")
    planning = Booking("Aurora", at(2, 9, 30), at(2, 11), "planning")
    assert not overlaps(standup, planning)


@pytest.mark.failure(
    category="other", library="dateutil", dist="python-dateutil", shape="assert", cause="inclusive-vs-exclusive-bound"
)
def test_september_board_meetings_include_first_monday():
    first = datetime(2024, 1, 1, 8, 0)
    meetings = occurrences_between(first, datetime(2024, 9, 2, 8, 0), datetime(2024, 9, 30, 8, 0))
    assert [m.day for m in meetings] == [2, 9, 16, 23, 30]


@pytest.mark.failure(
    category="other", library="dateutil", dist="python-dateutil", shape="assert", cause="weekday-index-confusion"
)
def test_weekly_sync_falls_on_mondays():
    meetings = weekly_on(datetime(2024, 10, 1, 10, 0), 1, count=4)
    assert {m.strftime("%A") for m in meetings} == {"Monday"}


@pytest.mark.failure(
    category="other", library="itertools", dist=None, shape="assert", cause="groupby-requires-sorted-input"
)
def test_agenda_groups_all_bookings_of_a_day():
    bookings = [
        Booking("Aurora", at(3, 9), at(3, 10), "hiring sync"),
        Booking("Aurora", at(4, 9), at(4, 10), "vendor call"),
        Booking("Borealis", at(3, 14), at(3, 15), "budget review"),
    ]
    agenda = agenda_by_day(bookings)
    assert agenda[date(2024, 9, 3)] == ["hiring sync", "budget review"]


@pytest.mark.failure(category="other", library="datetime", dist=None, shape="assert", cause="off-by-one-range-end")
def test_two_week_sprint_has_ten_working_days():
    days = sprint_days(date(2024, 9, 2), date(2024, 9, 13))
    assert len(days) == 10
    assert days[-1] == date(2024, 9, 13)
