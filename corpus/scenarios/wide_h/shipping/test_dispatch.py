import threading

import pytest
from django.db import connection, transaction

from .dispatch import create_schema, mark_dispatched, reweigh, worker_connection
from .models import Parcel, Route

_workers = []


@pytest.fixture(scope="module", autouse=True)
def schema():
    create_schema()
    yield
    for conn in _workers:
        conn.close()
    connection.close()


@pytest.fixture
def worker():
    conn = worker_connection()
    _workers.append(conn)
    return conn


def test_parcel_is_created():
    assert Parcel.objects.get(tracking_code="TRK-001").status == "created"


def test_dispatch_parcel():
    assert mark_dispatched("TRK-001").status == "dispatched"


def test_worker_claims_parcel(worker):
    worker.set_autocommit(False)
    with worker.cursor() as cur:
        cur.execute("SELECT id FROM shipping_parcel WHERE tracking_code = 'TRK-002' FOR UPDATE")
        assert cur.fetchone() is not None


@pytest.mark.failure(category="3", library="django", shape="raised", cause="row-lock-held-by-unclosed-worker-transaction")
def test_dispatch_claimed_parcel():
    assert mark_dispatched("TRK-002").status == "dispatched"


@pytest.mark.failure(category="3", library="django", shape="raised", cause="lock-timeout-row-held-by-worker")
def test_reweigh_parcel_after_scan():
    assert reweigh("TRK-002", 250) == 1


@pytest.mark.failure(category="other", library="django", shape="raised", cause="unique-violation-duplicate-tracking-code")
def test_register_returned_parcel():
    Parcel.objects.create(tracking_code="TRK-003", status="returned")


@pytest.mark.failure(category="other", library="django", shape="raised", cause="missing-column-schema-drift")
def test_parcel_label_history():
    with connection.cursor() as cur:
        cur.execute("SELECT tracking_code, label_printed_at FROM shipping_parcel ORDER BY id")
        assert cur.fetchall()


@pytest.mark.failure(category="3", library="django", shape="raised", cause="deadlock-opposite-update-order")
def test_nightly_route_rebalance(worker):
    worker.set_autocommit(False)
    with worker.cursor() as cur:
        cur.execute("UPDATE shipping_route SET capacity = 2 WHERE name = 'north'")

    def worker_side():
        try:
            with worker.cursor() as cur:
                cur.execute("UPDATE shipping_route SET capacity = 2 WHERE name = 'south'")
            worker.commit()
        except Exception:
            pass

    worker.inc_thread_sharing()
    with transaction.atomic():
        Route.objects.filter(name="south").update(capacity=5)
        t = threading.Thread(target=worker_side, daemon=True)
        t.start()
        t.join(0.2)
        Route.objects.filter(name="north").update(capacity=5)
    assert Route.objects.get(name="north").capacity == 5


@pytest.mark.timeout(2)
@pytest.mark.failure(category="3", library="django", shape="timeout", cause="select-for-update-waits-on-unclosed-worker-transaction")
def test_dispatch_claimed_parcel_waits_for_worker():
    with transaction.atomic():
        parcel = Parcel.objects.select_for_update().get(tracking_code="TRK-002")
        parcel.status = "dispatched"
        parcel.save(update_fields=["status"])


@pytest.mark.failure(category="3", library="django", shape="raised", cause="too-many-clients-worker-connections-never-closed")
def test_parallel_dispatch_workers(worker):
    for _ in range(8):
        _workers.append(worker_connection())
    assert len(_workers) >= 8


@pytest.mark.failure(category="3", library="django", shape="setup", cause="too-many-clients-worker-connections-never-closed")
def test_worker_reads_route_capacity(worker):
    with worker.cursor() as cur:
        cur.execute("SELECT capacity FROM shipping_route WHERE name = 'south'")
        assert cur.fetchone()[0] >= 0

