import threading
import time

import pytest
from sqlalchemy import text
from sqlmodel import Session

from . import models
from .models import ContactService, Deal


@pytest.fixture(scope="module")
def engine():
    e = models.make_engine(pool_size=2, max_overflow=0, pool_timeout=1)
    yield e
    e.dispose()


@pytest.fixture(autouse=True)
def data(engine):
    models.reset(engine)
    yield
    while models._REQUEST_SESSIONS:
        models._REQUEST_SESSIONS.pop().close()
    while models._REPORT_CONNECTIONS:
        models._REPORT_CONNECTIONS.pop().close()


def test_lookup_by_email(engine):
    svc = ContactService(engine)
    assert svc.by_email("lena@example.com").name == "Lena"
    svc.session.close()


@pytest.mark.failure(category="3", library="sqlmodel", shape="raised", cause="sessions-never-closed-queuepool-timeout")
def test_three_requests_in_a_row(engine):
    results = []
    for email in ("lena@example.com", "m@example.com", "lena@example.com"):
        svc = ContactService(engine)
        results.append(svc.by_email(email).id)
    assert results == [1, 2, 1]


@pytest.mark.failure(category="3", library="sqlmodel", shape="raised", cause="too-many-clients-nullpool-per-region")
def test_nightly_lead_report(engine):
    assert models.lead_report(engine)[:2] == ["Lena", "Marco"]


@pytest.fixture
def locked_contact(engine):
    """An import job holds contact 1 for the duration of the test."""
    conn = engine.connect()
    tx = conn.begin()
    conn.execute(text("SELECT * FROM contact WHERE id = 1 FOR UPDATE"))
    yield
    tx.rollback()
    conn.close()


@pytest.mark.failure(category="3", library="sqlmodel", shape="raised", cause="lock-timeout-row-held-by-other-session")
def test_promote_contact_during_import(engine, locked_contact):
    svc = ContactService(engine)
    try:
        svc.session.exec(text("SET lock_timeout = '500ms'"))
        svc.promote(1)
    finally:
        svc.session.close()
    assert svc.by_email("lena@example.com").tier == "gold"


@pytest.mark.failure(category="3", library="sqlmodel", shape="raised", cause="serialization-failure-concurrent-update")
def test_two_reps_move_the_same_deal(engine):
    rival = threading.Thread(target=models.close_stage, args=(engine, 1, "lost"))
    rival.start()
    time.sleep(0.1)
    try:
        models.close_stage(engine, 1, "won")
    finally:
        rival.join()
    with Session(engine) as s:
        assert s.get(Deal, 1).stage == "won"


@pytest.mark.failure(category="3", library="sqlmodel", shape="raised", cause="ddl-statement-timeout-open-transaction")
def test_add_region_column(engine):
    svc = ContactService(engine)
    svc.pipeline_value()
    with engine.connect() as conn:
        conn.execute(text("SET statement_timeout = '800ms'"))
        conn.execute(text("ALTER TABLE deal ADD COLUMN region text"))
        conn.commit()
    svc.session.close()


@pytest.mark.failure(category="other", library="sqlmodel", shape="raised", cause="sequence-behind-explicit-ids")
def test_register_returning_customer(engine):
    svc = ContactService(engine)
    try:
        svc.register("Lena B.", "lena@example.com")
    finally:
        svc.session.close()


@pytest.mark.failure(category="other", library="sqlmodel", shape="assert", cause="wrong-expected-sum")
def test_pipeline_value(engine):
    svc = ContactService(engine)
    try:
        total = svc.pipeline_value()
        assert total == 1_245_000
    finally:
        svc.session.close()
