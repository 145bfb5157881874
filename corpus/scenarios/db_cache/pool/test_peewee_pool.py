from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from peewee import CharField, IntegerField, Model, OperationalError
from playhouse.pool import MaxConnectionsExceeded, PooledPostgresqlDatabase, PooledSqliteDatabase

peewee_failure = lambda shape, cause: pytest.mark.failure(  # noqa: E731
    category="3", library="peewee", dist="peewee", shape=shape, cause=cause
)

pg_db = PooledPostgresqlDatabase(
    "appdb", user="app", password="app", host="127.0.0.1", port=5439, max_connections=2, timeout=0.2
)


class User(Model):
    email = CharField()
    name = CharField()

    class Meta:
        database = pg_db
        table_name = "users"


class InventoryItem(Model):
    sku = CharField(primary_key=True)
    qty = IntegerField()

    class Meta:
        database = pg_db
        table_name = "inventory"


@pytest.fixture(autouse=True)
def _close_pool():
    yield
    pg_db.close_all()


def run_holders(db, n, release, ready):
    def hold(i):
        db.connect(reuse_if_open=True)
        db.execute_sql("SELECT 1")
        ready.release()
        release.wait(2)
        db.close()

    threads = [threading.Thread(target=hold, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for _ in range(n):
        ready.acquire(timeout=2)
    return threads


@peewee_failure("raised", "peewee-max-connections")
def test_user_import_while_workers_busy():
    release, ready = threading.Event(), threading.Semaphore(0)
    threads = run_holders(pg_db, 2, release, ready)
    try:
        with pg_db.connection_context():
            assert User.select().count() == 2
    finally:
        release.set()
        for t in threads:
            t.join()


class ReportFailed(Exception):
    pass


@peewee_failure("chained", "peewee-max-connections")
def test_sqlite_pool_report_generation(tmp_path):
    db = PooledSqliteDatabase(str(tmp_path / "jobs.db"), max_connections=2, timeout=0.2)
    release, ready = threading.Event(), threading.Semaphore(0)
    threads = run_holders(db, 2, release, ready)
    try:
        try:
            db.connect()
            db.execute_sql("SELECT 1")
        except MaxConnectionsExceeded as exc:
            raise ReportFailed("report generation could not open the jobs database") from exc
    finally:
        release.set()
        for t in threads:
            t.join()


@peewee_failure("raised", "lock-not-available")
def test_stock_adjustment_nowait():
    holder = PooledPostgresqlDatabase("appdb", user="app", password="app", host="127.0.0.1", port=5439)
    with holder.atomic():
        holder.execute_sql("SELECT * FROM inventory WHERE sku = 'SKU-2' FOR UPDATE")
        done = {}

        def adjust():
            with pg_db.atomic():
                item = InventoryItem.select().where(InventoryItem.sku == "SKU-2").for_update("FOR UPDATE NOWAIT").get()
                done["qty"] = item.qty

        with ThreadPoolExecutor(max_workers=1) as ex:
            ex.submit(adjust).result()
    holder.close_all()
