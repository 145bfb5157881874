from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from .local_time import PARIS, deadline_utc, hours_left, same_time_next_day, shift_hours


@pytest.mark.failure(category="other", library="zoneinfo", dist=None, shape="assert", cause="dst-transition-hour")
def test_night_shift_over_autumn_clock_change_lasts_nine_hours():
    start = datetime(2024, 10, 26, 22, 0, tzinfo=PARIS)
    end = datetime(2024, 10, 27, 6, 0, tzinfo=PARIS)
    assert shift_hours(start, end) == 9


@pytest.mark.failure(category="other", library="zoneinfo", dist=None, shape="assert", cause="dst-transition-hour")
def test_daily_standup_stays_at_nine_after_clock_change():
    standup = datetime(2024, 3, 30, 9, 0, tzinfo=PARIS)
    following = same_time_next_day(standup)
    assert (following.day, following.hour, following.minute) == (31, 9, 0)


@pytest.mark.failure(
    category="other", library="zoneinfo", dist=None, shape="assert", cause="naive-vs-aware-date-arithmetic"
)
def test_paris_deadline_in_utc():
    assert deadline_utc("2024-07-01 17:00", "Europe/Paris") == datetime(2024, 7, 1, 15, 0, tzinfo=UTC)


@pytest.mark.failure(
    category="other", library="datetime", dist=None, shape="raised", cause="naive-vs-aware-date-arithmetic"
)
def test_hours_left_before_filing_deadline():
    now = datetime(2024, 4, 14, 12, 0, tzinfo=ZoneInfo("America/New_York"))
    assert hours_left("2024-04-15 23:59", now) == pytest.approx(35.98, abs=0.01)
