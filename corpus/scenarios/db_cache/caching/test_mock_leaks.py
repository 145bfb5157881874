from __future__ import annotations

import os
from unittest import mock

import pytest

from db_cache.services import notifications
from db_cache.services.notifications import display_name, notify_signup, price_in_usd

mock_failure = lambda shape, cause: pytest.mark.failure(  # noqa: E731
    category="4", library="unittest.mock", dist=None, shape=shape, cause=cause
)

_patchers = []


def test_signup_sends_welcome_mail():
    patcher = mock.patch.object(notifications.smtp, "send", return_value="queued")
    patcher.start()  # never stopped
    _patchers.append(patcher)
    assert notify_signup("a@example.com") == "queued"


@mock_failure("assert", "patch-not-stopped")
def test_welcome_mail_real_client_format():
    assert notify_signup("b@example.com") == "sent:b@example.com:Welcome!"


def test_rates_client_queried_for_eur():
    fake_rates = mock.patch("db_cache.services.notifications.rates").start()
    notifications.rates.latest("EUR")
    fake_rates.latest.assert_called_once_with("EUR")


@mock_failure("raised", "patch-not-stopped")
def test_price_in_usd_uses_live_rate():
    assert price_in_usd(100) == 108.0


def test_staging_env_banner():
    mock.patch.dict(os.environ, {"APP_ENV": "staging"}).start()
    assert os.environ["APP_ENV"] == "staging"


@mock_failure("assert", "patch-dict-not-stopped")
def test_production_is_default_env():
    assert os.environ.get("APP_ENV", "production") == "production"


mailer = mock.Mock(name="mailer")


def send_receipt(order_id):
    mailer.send(f"receipt-{order_id}")


def test_receipt_for_first_order():
    send_receipt(1)
    mailer.send.assert_called_with("receipt-1")


def test_receipt_for_second_order():
    send_receipt(2)
    mailer.send.assert_called_with("receipt-2")


@mock_failure("assert", "shared-mock-call-count")
def test_receipt_sent_exactly_once():
    send_receipt(3)
    mailer.send.assert_called_once()


gateway = mock.Mock(name="gateway")
gateway.charge.side_effect = iter([{"status": "ok"}, {"status": "declined"}])


def test_charge_succeeds():
    assert gateway.charge(100)["status"] == "ok"


def test_charge_declined():
    assert gateway.charge(5000)["status"] == "declined"


@mock_failure("raised", "shared-mock-side-effect-exhausted")
def test_charge_retry_after_decline():
    assert gateway.charge(100)["status"] == "ok"


flags_client = mock.Mock(name="flags_client")
flags_client.get_flags.return_value = {"new_checkout": False}


def test_enable_new_checkout_for_beta():
    flags = flags_client.get_flags()
    flags["new_checkout"] = True
    assert flags_client.get_flags()["new_checkout"] is True


@mock_failure("assert", "shared-mock-return-value-mutated")
def test_new_checkout_disabled_by_default():
    assert flags_client.get_flags() == {"new_checkout": False}


@pytest.mark.asyncio
async def test_profile_display_name_stubbed():
    mock.patch.object(notifications.profiles, "fetch", new=mock.MagicMock(return_value={"name": "Stub"})).start()
    assert notifications.profiles.fetch(1)["name"] == "Stub"


@mock_failure("async", "patch-not-stopped")
@pytest.mark.asyncio
async def test_profile_display_name():
    assert await display_name(1) == "Alice"


@pytest.fixture
def real_smtp():
    assert not isinstance(notifications.smtp.send, mock.Mock), (
        f"expected the real SMTP client, got {notifications.smtp.send!r}"
    )
    yield notifications.smtp


@mock_failure("setup", "patch-not-stopped")
def test_smtp_subject_line(real_smtp):
    assert real_smtp.send("c@example.com", "Hi").endswith(":Hi")
