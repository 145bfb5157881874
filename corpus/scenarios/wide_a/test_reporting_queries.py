"""Nightly reporting jobs (pure-Python pg8000 driver, as used in the serverless report runner)."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pg8000.dbapi
import pg8000.native
import pytest

from wide_a.conftest import PG_KW

pytestmark = pytest.mark.usefixtures("pg_clean")

known_failure = lambda shape, cause: pytest.mark.failure(category="3", library="pg8000", shape=shape, cause=cause)  # noqa: E731


def connect(**overrides):
    return pg8000.dbapi.connect(**{**PG_KW, **overrides})


def test_open_purchase_orders_report():
    conn = pg8000.native.Connection(**{k if k != "database" else "database": v for k, v in PG_KW.items()})
    try:
        rows = conn.run("SELECT sku, qty FROM purchase_orders WHERE status = 'open' ORDER BY sku")
        assert rows == [["GADGET", 2], ["WIDGET", 5]]
    finally:
        conn.close()


@known_failure("raised", "too-many-clients")
def test_report_per_region_in_parallel():
    regions = ["emea", "apac", "amer", "latam", "anz", "nordics", "dach", "benelux", "iberia", "uk"]
    conns = []
    try:
        for region in regions:
            conns.append(connect(application_name=f"report-{region}"))
    finally:
        for c in conns:
            c.close()


@known_failure("raised", "role-connection-limit")
def test_bi_exports_share_role():
    conns = []
    try:
        for _ in range(3):
            conns.append(connect(user="bi", password="bi"))
    finally:
        for c in conns:
            c.close()


@known_failure("raised", "deadlock")
def test_month_end_close_runs_both_books():
    barrier = threading.Barrier(2)

    def close_books(first, second):
        conn = connect()
        try:
            cur = conn.cursor()
            cur.execute("UPDATE wallets SET balance = balance * 1.01 WHERE id = %s", (first,))
            barrier.wait(timeout=5)
            cur.execute("UPDATE wallets SET balance = balance * 1.01 WHERE id = %s", (second,))
            conn.commit()
        finally:
            conn.close()

    with ThreadPoolExecutor(max_workers=2) as ex:
        futures = [ex.submit(close_books, 1, 3), ex.submit(close_books, 3, 1)]
        for f in futures:
            f.result()


@known_failure("raised", "serialization-failure")
def test_interest_accrual_is_serializable():
    a, b = connect(), connect()
    try:
        for c in (a, b):
            c.cursor().execute("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE")
        ca, cb = a.cursor(), b.cursor()
        ca.execute("SELECT coalesce(sum(amount), 0) FROM ledger")
        cb.execute("SELECT coalesce(sum(amount), 0) FROM ledger")
        ca.execute("INSERT INTO ledger (wallet_id, amount) VALUES (1, 1.2)")
        cb.execute("INSERT INTO ledger (wallet_id, amount) VALUES (2, 0.8)")
        a.commit()
        b.commit()
    finally:
        a.close()
        b.close()


@pytest.fixture
def open_audit_lock():
    holder = connect(application_name="audit")
    holder.cursor().execute("LOCK TABLE purchase_orders IN EXCLUSIVE MODE")
    yield holder
    holder.rollback()
    holder.close()


@known_failure("raised", "statement-timeout-on-lock")
def test_close_stale_purchase_orders(open_audit_lock):
    conn = connect()
    try:
        cur = conn.cursor()
        cur.execute("SET statement_timeout = 300")
        cur.execute("UPDATE purchase_orders SET status = 'closed' WHERE status = 'open'")
        conn.commit()
    finally:
        conn.close()


@known_failure("timeout", "table-lock-wait")
@pytest.mark.timeout(1.5)
def test_purchase_order_import(open_audit_lock):
    conn = connect()
    conn.cursor().execute("INSERT INTO purchase_orders (sku, qty, status) VALUES ('GIZMO', 40, 'open')")
    conn.commit()


@known_failure("raised", "connection-terminated")
def test_report_runner_reuses_connection_after_restart():
    conn = connect(application_name="report-runner")
    ops = connect(user="ops", password="ops")
    ops.autocommit = True
    try:
        ops.cursor().execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'report-runner'")
        time.sleep(0.1)
        cur = conn.cursor()
        cur.execute("SELECT count(*) FROM stock")
        assert cur.fetchone()[0] == 3
    finally:
        ops.close()


@pytest.fixture
def warehouse_session():
    conns = [connect(database="warehouse", application_name=f"wms-{n}") for n in range(3)]
    yield conns[-1]
    for c in conns:
        c.close()


@known_failure("setup", "database-connection-limit")
def test_bin_locations_export(warehouse_session):
    cur = warehouse_session.cursor()
    cur.execute("SELECT 1")
