from __future__ import annotations

import unittest
from decimal import Decimal

import pytest

from .config import DEFAULTS, BackupSettings, SmtpSettings, env_flag, merge_settings, shipping_options, worker_settings

WORKER_INI = """
[worker]
queue = invoices
retries = 5        ; per job, then the job is parked
nice = 10
"""


@pytest.fixture
def site_settings():
    merged = merge_settings(DEFAULTS, {"logging": {"level": "DEBUG"}, "smtp": {"host": "mail.internal"}})
    merged["logging"]["format"] = merged["logging"]["format"].replace("%(asctime)s ", "")
    return merged


@pytest.mark.failure(category="other", library="dict", dist=None, shape="setup", cause="dict-merge-shallow-overwrites")
def test_site_logging_is_debug_without_timestamps(site_settings):
    assert site_settings["logging"] == {"level": "DEBUG", "format": "%(levelname)s %(message)s", "json": False}


class MergeTests(unittest.TestCase):
    @pytest.mark.failure(
        category="other", library="dict", dist=None, shape="assert", cause="dict-merge-shallow-overwrites"
    )
    def test_export_override_only_changes_keep_days(self):
        merged = merge_settings(DEFAULTS, {"exports": {"keep_days": 90}})
        self.assertDictEqual(merged["exports"], {"directory": "/var/exports", "keep_days": 90})


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1", True),
        ("true", True),
        pytest.param(
            "false",
            False,
            marks=pytest.mark.failure(
                category="other", library="str", dist=None, shape="assert", cause="boolean-string-truthiness"
            ),
        ),
        pytest.param(
            "off",
            False,
            marks=pytest.mark.failure(
                category="other", library="str", dist=None, shape="assert", cause="boolean-string-truthiness"
            ),
        ),
        ("", False),
    ],
)
def test_feature_flag_values(value, expected):
    assert env_flag({"NEW_CHECKOUT": value}, "NEW_CHECKOUT") is expected


@pytest.mark.failure(
    category="other", library="configparser", dist=None, shape="raised", cause="inline-comment-kept-in-value"
)
def test_worker_retries_read_from_ini():
    assert worker_settings(WORKER_INI)["retries"] == 5


@pytest.mark.failure(
    category="other", library="configparser", dist=None, shape="assert", cause="inline-comment-kept-in-value"
)
def test_worker_queue_name_from_ini():
    text = "[worker]\nqueue = invoices  ; nightly batch\nretries = 3\n"
    assert worker_settings(text)["queue"] == "invoices"


@pytest.mark.failure(category="other", library="pydantic", shape="assert", cause="wrong-default-argument-value")
def test_smtp_defaults_use_submission_port_with_starttls():
    smtp = SmtpSettings()
    assert (smtp.port, smtp.starttls) == (587, True)


@pytest.mark.failure(category="other", library="pydantic", shape="assert", cause="wrong-default-argument-value")
def test_backups_kept_for_thirty_days_by_default():
    assert BackupSettings(target="s3://backups/site").keep_days == 30


@pytest.mark.failure(category="other", library="marshmallow", shape="assert", cause="wrong-default-argument-value")
def test_free_shipping_threshold_defaults_to_seventy_five():
    options = shipping_options({"carrier": "colissimo", "flat_fee": "4.99"})
    assert options["free_above"] == 75


@pytest.mark.failure(category="other", library="marshmallow", shape="assert", cause="float-field-for-money")
def test_flat_fee_parsed_as_exact_decimal():
    options = shipping_options({"carrier": "dhl", "flat_fee": "4.99", "free_above": "60"})
    assert options["flat_fee"] == Decimal("4.99")


@pytest.mark.failure(category="other", library="marshmallow", shape="assert", cause="float-field-for-money")
def test_three_parcels_cost_exactly_three_fees():
    fee = shipping_options({"carrier": "ups", "flat_fee": "0.10"})["flat_fee"]
    assert fee * 3 == Decimal("0.30")
