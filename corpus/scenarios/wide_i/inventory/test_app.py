import asyncio
import sqlite3
import threading

import aiosqlite
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine, async_sessionmaker
from sqlmodel import Field, Session as SQLModelSession, SQLModel, create_engine as sqlmodel_engine, select

from . import app as inventory


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    return str(tmp_path_factory.mktemp("inventory") / "stock.db")


@pytest.fixture(scope="module")
def engine(db_path):
    engine = inventory.make_engine(f"sqlite:///{db_path}")
    inventory.init_schema(engine)
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def client(engine):
    return inventory.create_app(engine).test_client()


def test_stock_lookup(client):
    assert client.get("/stock/A1").json == {"sku": "A1", "qty": 5}


def test_export_first_row(client):
    assert client.get("/export").json == {"first": ["A1", 5]}


@pytest.mark.failure(category="3", library="sqlalchemy", dist="SQLAlchemy", shape="assert", cause="queuepool-held-by-export-session")
def test_stock_count(client):
    resp = client.get("/stock/count")
    assert resp.status_code == 200


@pytest.mark.failure(category="3", library="sqlalchemy", dist="SQLAlchemy", shape="assert", cause="queuepool-timeout-in-json-detail")
def test_reserve_decrements(client):
    resp = client.post("/stock/C3/reserve")
    assert resp.json == {"ok": True}


@pytest.mark.failure(category="3", library="sqlalchemy", dist="SQLAlchemy", shape="assert", cause="parallel-import-pool-size-2")
def test_parallel_import(tmp_path):
    engine = inventory.make_engine(f"sqlite:///{tmp_path / 'import.db'}", pool_size=2, timeout=0.1)
    inventory.init_schema(engine)
    batches = [[("D4", 1)], [("E5", 2)], [("F6", 3)], [("G7", 4)]]
    imported, errors = inventory.import_batches(engine, batches)
    engine.dispose()
    assert imported == ["D4", "E5", "F6", "G7"]


@pytest.fixture
def fresh_db(tmp_path):
    path = str(tmp_path / "wh.db")
    conn = sqlite3.connect(path)
    conn.executescript("CREATE TABLE stock (sku TEXT PRIMARY KEY, qty INTEGER); "
                       "INSERT INTO stock VALUES ('A1', 10), ('B2', 0), ('C3', 4);")
    conn.commit()
    conn.close()
    return path


@pytest.mark.failure(category="3", library="sqlite3", dist=None, shape="assert", cause="deferred-upgrade-deadlock-busy")
def test_concurrent_transfers_both_apply(fresh_db):
    results = {}
    first_read = threading.Event()
    second_read = threading.Event()

    def left():
        results["left"] = inventory.transfer(fresh_db, "A1", "B2", 2, hold=lambda: (first_read.set(), second_read.wait(1)))

    def right():
        first_read.wait(1)
        results["right"] = inventory.transfer(fresh_db, "A1", "C3", 3, hold=lambda: (second_read.set(), __import__("time").sleep(0.05)))

    threads = [threading.Thread(target=left), threading.Thread(target=right)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    conn = sqlite3.connect(fresh_db)
    total_moved = conn.execute("SELECT qty FROM stock WHERE sku = 'A1'").fetchone()[0]
    conn.close()
    assert total_moved == 5


@pytest.fixture
def audit_writer(fresh_db):
    conn = sqlite3.connect(fresh_db, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE stock SET qty = qty WHERE sku = 'A1'")
    yield conn
    conn.execute("ROLLBACK")
    conn.close()


@pytest.mark.failure(category="3", library="sqlite3", dist=None, shape="assert", cause="writer-fixture-holds-reserved-lock")
def test_transfer_applies(fresh_db, audit_writer):
    assert inventory.transfer(fresh_db, "A1", "C3", 1)


@pytest.mark.failure(category="3", library="aiosqlite", shape="assert", cause="open-transaction-blocks-async-writer")
async def test_restock_counts(fresh_db):
    holder = await aiosqlite.connect(fresh_db, isolation_level=None)
    await holder.execute("BEGIN IMMEDIATE")
    await holder.execute("UPDATE stock SET qty = qty + 1 WHERE sku = 'C3'")
    restocked = 0
    async with aiosqlite.connect(fresh_db, timeout=0.1) as db:
        for sku in ("A1", "B2", "C3"):
            try:
                await db.execute("UPDATE stock SET qty = qty + 5 WHERE sku = ?", (sku,))
                await db.commit()
                restocked += 1
            except sqlite3.OperationalError:
                await db.rollback()
    await holder.execute("ROLLBACK")
    await holder.close()
    assert restocked == 3


class Bin(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    aisle: str
    capacity: int


@pytest.fixture(scope="module")
def bins_engine(tmp_path_factory):
    path = tmp_path_factory.mktemp("bins") / "bins.db"
    engine = sqlmodel_engine(f"sqlite:///{path}", pool_size=1, max_overflow=0, pool_timeout=0.2,
                             connect_args={"check_same_thread": False})
    SQLModel.metadata.create_all(engine)
    with SQLModelSession(engine) as s:
        s.add_all([Bin(aisle="A", capacity=10), Bin(aisle="B", capacity=0), Bin(aisle="C", capacity=7)])
        s.commit()
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def report_session(bins_engine):
    session = SQLModelSession(bins_engine)
    session.exec(select(Bin)).all()
    yield session
    session.close()


def free_bins(engine):
    try:
        with SQLModelSession(engine) as s:
            return [b.aisle for b in s.exec(select(Bin).where(Bin.capacity > 0)).all()]
    except Exception as exc:  # noqa: BLE001 - the picking UI shows an empty list
        return {"error": str(exc).splitlines()[0]}


def test_report_has_bins(report_session):
    assert len(report_session.exec(select(Bin)).all()) == 3


@pytest.mark.failure(category="3", library="sqlmodel", shape="assert", cause="module-session-fixture-holds-only-connection")
def test_free_bins_for_picking(bins_engine, report_session):
    assert free_bins(bins_engine) == ["A", "C"]


@pytest.mark.failure(category="3", library="sqlalchemy-asyncio", dist="SQLAlchemy", shape="assert", cause="async-pool-exhausted-by-concurrent-jobs")
async def test_nightly_recount_jobs(tmp_path):
    engine = create_async_engine(f"sqlite+aiosqlite:///{tmp_path / 'jobs.db'}", pool_size=1, max_overflow=0,
                                 pool_timeout=0.1)
    async with engine.begin() as conn:
        await conn.execute(text("CREATE TABLE counts (aisle TEXT, n INTEGER)"))
    Session = async_sessionmaker(engine)
    status = {}

    async def recount(aisle):
        try:
            async with Session() as s, s.begin():
                await s.execute(text("INSERT INTO counts VALUES (:a, 1)"), {"a": aisle})
                await asyncio.sleep(0.2)
            status[aisle] = "done"
        except Exception as exc:  # noqa: BLE001
            status[aisle] = f"failed: {type(exc).__name__}"

    await asyncio.gather(*(recount(a) for a in "ABC"))
    await engine.dispose()
    assert status == {"A": "done", "B": "done", "C": "done"}


@pytest.mark.failure(category="3", library="sqlalchemy", dist="SQLAlchemy", shape="assert", cause="checked-out-count-after-request")
def test_pool_returns_connections(engine, client):
    client.get("/stock/A1")
    assert engine.pool.checkedout() == 0


@pytest.mark.failure(category="3", library="sqlalchemy", dist="SQLAlchemy", shape="raised", cause="keyerror-on-503-body-pool-exhausted")
def test_stock_lookup_out_of_stock_item(client):
    body = client.get("/stock/B2").get_json()
    assert body["qty"] == 0


@pytest.mark.failure(category="3", library="sqlalchemy", dist="SQLAlchemy", shape="assert", cause="pool-status-shows-checked-out")
def test_pool_idle_between_requests(engine):
    assert "Current Checked out connections: 0" in engine.pool.status()


@pytest.fixture
def reserved_mug(client):
    resp = client.post("/stock/A1/reserve")
    assert resp.status_code == 200, resp.get_json()
    return "A1"


@pytest.mark.failure(category="3", library="sqlalchemy", dist="SQLAlchemy", shape="setup", cause="fixture-request-503-pool-timeout")
def test_reserved_item_stock(client, reserved_mug):
    assert client.get(f"/stock/{reserved_mug}").get_json()["qty"] == 4
