from datetime import date

import pytest
import time_machine

from . import invoices

_travellers = []


@pytest.fixture
def year_end():
    traveller = time_machine.travel("2023-12-31 18:00:00+00:00", tick=False)
    traveller.start()
    _travellers.append(traveller)  # stopped by the session teardown


@pytest.fixture(scope="module", autouse=True)
def stop_travellers():
    yield
    while _travellers:
        _travellers.pop().stop()


def test_year_end_stamp(year_end):
    assert invoices.stamp() == "2023-12"


@pytest.mark.failure(category="4", library="time-machine", shape="assert", cause="travel-started-in-fixture-never-stopped")
def test_invoice_from_january_is_overdue():
    due = invoices.due_date(date(2024, 1, 5))
    overdue = invoices.is_overdue(due)
    assert overdue is True


@pytest.mark.failure(category="4", library="time-machine", shape="assert", cause="travel-started-in-fixture-never-stopped")
def test_monthly_stamp_is_current():
    stamp = invoices.stamp()
    assert stamp >= "2025-01"


@pytest.mark.failure(category="4", library="time-machine", shape="assert", cause="frozen-clock-leaked-into-timing")
def test_pdf_rendering_takes_time():
    elapsed = invoices.timed(lambda: sum(i * i for i in range(200_000)))
    assert elapsed > 0


def test_token_issued_once():
    calls = []
    assert invoices.tokens.get(lambda: calls.append(1) or "tok-A") == "tok-A"


@pytest.mark.failure(category="4", library="module-singleton", dist=None, shape="assert", cause="token-cache-survives-between-tests")
def test_token_for_rotated_key():
    token = invoices.tokens.get(lambda: "tok-B")
    assert token == "tok-B"


def test_admin_sees_all_invoices():
    invoices.login_as_admin()
    assert invoices.visible_invoices() == ["INV-1", "INV-2", "INV-3"]


@pytest.mark.failure(category="4", library="httpx", shape="assert", cause="shared-client-keeps-auth-header-from-previous-test")
def test_customer_sees_own_invoices():
    seen = invoices.visible_invoices()
    assert seen == ["INV-2"]


@pytest.mark.failure(category="4", library="httpx", shape="assert", cause="shared-client-keeps-auth-header-from-previous-test")
def test_anonymous_caller_is_customer():
    role = invoices.accounting.get("/whoami").json()["role"]
    assert role == "customer"


@pytest.mark.failure(category="other", library="billing-arithmetic", dist=None, shape="assert", cause="true-division-returns-float")
def test_vat_amount_is_whole_cents():
    vat = invoices.vat_amount(1999, 19)
    assert vat == 380
