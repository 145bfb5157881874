import os
from datetime import datetime

import pytest
from freezegun import freeze_time

from . import exports

ROWS = [{"account": "ada", "amount_cents": 2500}, {"account": "grace", "amount_cents": -700}]


_clocks = []


@pytest.fixture(scope="module", autouse=True)
def restore_clock():
    yield
    while _clocks:
        _clocks.pop().stop()


@pytest.fixture
def month_end():
    freezer = freeze_time("2024-01-31 23:30:00")
    freezer.start()
    _clocks.append(freezer)
    yield datetime(2024, 1, 31, 23, 30)


def test_month_end_batch_name(month_end):
    assert exports.batch_name(datetime.now()) == "ledger-2024-01-31-05"


@pytest.mark.failure(category="4", library="freezegun", shape="assert", cause="freezer-started-in-fixture-never-stopped")
def test_manifest_time_matches_file(tmp_path):
    manifest = exports.export_ledger(tmp_path, ROWS)
    assert exports.file_age_seconds(manifest) < 5


@pytest.mark.failure(category="4", library="freezegun", shape="assert", cause="freezer-started-in-fixture-never-stopped")
def test_export_is_from_this_year(tmp_path):
    manifest = exports.export_ledger(tmp_path, ROWS)
    assert manifest["generated_at"].year >= 2025


def test_sandbox_settlement():
    os.environ["SETTLEMENT_MODE"] = "sandbox"
    assert exports.settlement_mode() == "sandbox"


@pytest.mark.failure(category="4", library="os-environ", dist=None, shape="assert", cause="environ-set-without-monkeypatch")
def test_default_settlement_is_live():
    assert exports.settlement_mode() == "live"


@pytest.mark.failure(category="other", library="freezegun", shape="assert", cause="iso-week-expected-wrong")
def test_new_year_batch_name():
    with freeze_time("2027-01-01 08:00:00"):
        assert exports.batch_name(datetime.now()) == "ledger-2027-01-01-01"
