from __future__ import annotations

from datetime import datetime, timedelta, timezone

import jwt
import pandas as pd
import pytest
from cryptography.fernet import Fernet
from freezegun import freeze_time

from .calendar_utils import (
    SECRET,
    Slot,
    decrypt_calendar_token,
    is_bookable,
    magic_link,
    overlaps,
    parse_export_timestamp,
    parse_free_text_date,
    parse_header_date,
    verify_magic_link,
)

# --- naive vs aware datetimes --------------------------------------------------------------

@pytest.mark.failure(category="other", library="datetime", dist=None, shape="raised", cause="naive-aware-datetime")
def test_slot_tomorrow_is_bookable():
    slot = Slot(starts_at=datetime.now() + timedelta(days=1))
    assert is_bookable(slot)


@pytest.mark.failure(category="other", library="datetime", dist=None, shape="raised", cause="naive-aware-datetime")
def test_imported_slot_overlaps_existing_booking():
    existing = Slot(starts_at=datetime(2024, 6, 3, 9, 0, tzinfo=timezone.utc))
    imported = Slot(starts_at=parse_export_timestamp("03/06/2024 09:15"))
    assert overlaps(existing, imported)


@pytest.mark.failure(category="other", library="datetime", dist=None, shape="raised", cause="naive-aware-datetime")
def test_agenda_sorted_by_start():
    slots = [
        Slot(datetime(2024, 6, 3, 14, 0)),
        Slot(datetime(2024, 6, 3, 9, 0, tzinfo=timezone.utc)),
    ]
    agenda = sorted(slots, key=lambda s: s.starts_at)
    assert agenda[0].starts_at.hour == 9


@pytest.mark.failure(category="other", library="pandas", shape="raised", cause="naive-aware-datetime")
def test_bookings_after_cutoff_dataframe():
    df = pd.DataFrame({"starts_at": pd.to_datetime(["2024-06-03 09:00", "2024-06-04 10:00"]).tz_localize("Europe/Paris")})
    cutoff = pd.Timestamp("2024-06-03 12:00")
    assert len(df[df["starts_at"] > cutoff]) == 1


@pytest.mark.failure(category="other", library="datetime", dist=None, shape="assert", cause="naive-aware-datetime")
def test_reminder_sent_one_day_before():
    slot = Slot(starts_at=datetime(2024, 3, 31, 9, 0, tzinfo=timezone(timedelta(hours=2))))
    reminder_at = slot.starts_at.replace(tzinfo=None) - timedelta(days=1)
    assert reminder_at == datetime(2024, 3, 30, 7, 0)


# --- date format mismatches ----------------------------------------------------------------

@pytest.mark.failure(category="other", library="datetime", dist=None, shape="raised", cause="date-format-mismatch")
def test_parse_export_with_iso_dates():
    assert parse_export_timestamp("2024-06-03T09:15:00").day == 3


@pytest.mark.failure(category="other", library="datetime", dist=None, shape="raised", cause="date-format-mismatch")
def test_parse_export_with_seconds():
    assert parse_export_timestamp("03/06/2024 09:15:42").minute == 15


@pytest.mark.failure(category="other", library="datetime", dist=None, shape="raised", cause="date-format-mismatch")
def test_parse_last_modified_header_with_numeric_offset():
    assert parse_header_date("Mon, 03 Jun 2024 09:15:00 +0200").hour == 9


@pytest.mark.failure(category="other", library="python-dateutil", dist="python-dateutil", shape="raised", cause="date-format-mismatch")
def test_parse_free_text_date_from_email():
    assert parse_free_text_date("le 3 juin 2024 à 9h15").month == 6


@pytest.mark.failure(category="other", library="pandas", shape="raised", cause="date-format-mismatch")
def test_bookings_csv_dates():
    column = pd.Series(["03/06/2024", "17/06/2024", "2024-06-21"])
    parsed = pd.to_datetime(column, format="%d/%m/%Y")
    assert parsed.dt.month.tolist() == [6, 6, 6]


@pytest.mark.failure(category="other", library="python-dateutil", dist="python-dateutil", shape="assert", cause="date-format-mismatch")
def test_us_export_is_read_day_first():
    parsed = parse_free_text_date("06/03/2024")
    assert (parsed.month, parsed.day) == (6, 3)


# --- expired / invalid tokens --------------------------------------------------------------

@pytest.mark.failure(category="other", library="pyjwt", dist="PyJWT", shape="raised", cause="token-verification-failure")
def test_magic_link_valid_for_a_day():
    issued = datetime(2024, 6, 3, 9, 0, tzinfo=timezone.utc)
    token = magic_link(5, now=issued)
    with freeze_time(issued + timedelta(hours=20)):
        assert verify_magic_link(token) == 5


@pytest.mark.failure(category="other", library="pyjwt", dist="PyJWT", shape="raised", cause="token-verification-failure")
def test_magic_link_for_mobile_app():
    token = magic_link(5, now=datetime.now(timezone.utc))
    assert verify_magic_link(token, audience="mobile") == 5


@pytest.mark.failure(category="other", library="pyjwt", dist="PyJWT", shape="raised", cause="token-verification-failure")
def test_link_signed_by_previous_key_still_works():
    token = jwt.encode({"sub": "5", "aud": "web"}, "old-rotated-signing-key-0000000000", algorithm="HS256")
    assert verify_magic_link(token) == 5


@pytest.mark.failure(category="other", library="cryptography", shape="chained", cause="token-verification-failure")
def test_calendar_feed_token_decrypts():
    key = Fernet.generate_key()
    token = Fernet(key).encrypt(b"feed:42")
    rotated = Fernet.generate_key()
    assert decrypt_calendar_token(rotated, token) == b"feed:42"


@pytest.mark.failure(category="other", library="cryptography", shape="raised", cause="token-verification-failure")
def test_calendar_token_ttl():
    key = Fernet.generate_key()
    with freeze_time("2024-06-03 09:00:00"):
        token = Fernet(key).encrypt(b"feed:42")
    with freeze_time("2024-06-03 10:30:00"):
        assert decrypt_calendar_token(key, token, ttl=3600) == b"feed:42"
