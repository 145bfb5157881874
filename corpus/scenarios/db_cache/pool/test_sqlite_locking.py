from __future__ import annotations

import sqlite3
import threading
import time

import aiosqlite
import pytest

sqlite_failure = lambda shape, cause: pytest.mark.failure(  # noqa: E731
    category="3", library="sqlite3", dist=None, shape=shape, cause=cause
)


def open_db(path, timeout=0.1, **kw):
    return sqlite3.connect(path, timeout=timeout, **kw)


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "app.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.executescript(
            """
            CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT UNIQUE, name TEXT);
            CREATE TABLE audit (id INTEGER PRIMARY KEY, event TEXT);
            INSERT INTO users VALUES (1, 'alice@example.com', 'Alice'), (2, 'bob@example.com', 'Bob');
            """
        )
    return path


class AuditLog:
    def __init__(self, path):
        self.conn = open_db(path, isolation_level=None)

    def begin_batch(self):
        self.conn.execute("BEGIN IMMEDIATE")

    def add(self, event):
        self.conn.execute("INSERT INTO audit (event) VALUES (?)", (event,))


@sqlite_failure("raised", "sqlite-database-locked")
def test_signup_while_audit_batch_open(db_path):
    audit = AuditLog(db_path)
    audit.begin_batch()
    audit.add("batch-start")
    conn = open_db(db_path)
    conn.execute("INSERT INTO users (email, name) VALUES ('carol@example.com', 'Carol')")
    conn.commit()


@sqlite_failure("raised", "sqlite-database-locked")
def test_background_writer_thread(db_path):
    errors = []
    started = threading.Event()

    def writer():
        conn = open_db(db_path, isolation_level=None)
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("UPDATE users SET name = 'A.' WHERE id = 1")
        started.set()
        time.sleep(0.5)
        conn.execute("COMMIT")

    t = threading.Thread(target=writer)
    t.start()
    started.wait(1)
    try:
        conn = open_db(db_path)
        assert conn.execute("SELECT name FROM users WHERE id = 1").fetchone() == ("Alice",)
    finally:
        t.join()


@sqlite_failure("raised", "sqlite-table-locked")
def test_cleanup_drops_table_while_iterating(db_path):
    conn = open_db(db_path)
    cur = conn.execute("SELECT id FROM users")
    cur.fetchone()
    conn.execute("DROP TABLE users")


@sqlite_failure("raised", "sqlite-table-locked")
def test_shared_cache_readers_and_writer():
    uri = "file:shared_mem_users?mode=memory&cache=shared"
    keeper = sqlite3.connect(uri, uri=True, timeout=0.1)
    keeper.execute("CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, name TEXT)")
    keeper.execute("INSERT INTO users (name) VALUES ('Alice')")
    keeper.commit()
    writer = sqlite3.connect(uri, uri=True, timeout=0.1, isolation_level=None)
    reader = sqlite3.connect(uri, uri=True, timeout=0.1)
    try:
        writer.execute("BEGIN")
        writer.execute("UPDATE users SET name = 'Alicia'")
        reader.execute("SELECT name FROM users").fetchall()
    finally:
        writer.close()
        reader.close()
        keeper.close()


class Repo:
    def __init__(self, conn):
        self.conn = conn


class StorageBusy(Exception):
    pass


def save_profile(conn, user_id, name):
    try:
        conn.execute("UPDATE users SET name = ? WHERE id = ?", (name, user_id))
        conn.commit()
    except sqlite3.OperationalError as exc:
        raise StorageBusy(f"could not save profile {user_id}") from exc


@sqlite_failure("chained", "sqlite-database-locked")
def test_profile_update_during_backup(db_path):
    backup_conn = open_db(db_path, isolation_level=None)
    backup_conn.execute("BEGIN IMMEDIATE")
    save_profile(open_db(db_path), 2, "Robert")


@pytest.fixture
def migrated_db(db_path):
    migrator = open_db(db_path, isolation_level=None)
    migrator.execute("BEGIN EXCLUSIVE")
    migrator.execute("ALTER TABLE users ADD COLUMN last_login TEXT")
    # Bug: the migration fixture never commits, the write lock stays held
    conn = open_db(db_path)
    conn.execute("INSERT INTO audit (event) VALUES ('migrated')")
    conn.commit()
    yield conn


@sqlite_failure("setup", "sqlite-database-locked")
def test_last_login_recorded(migrated_db):
    migrated_db.execute("UPDATE users SET last_login = '2024-01-01' WHERE id = 1")


@sqlite_failure("timeout", "sqlite-busy-wait")
@pytest.mark.timeout(1.5)
def test_import_waits_on_busy_database(db_path):
    holder = open_db(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    conn = open_db(db_path, timeout=2.5)
    conn.execute("INSERT INTO audit (event) VALUES ('import')")
    conn.commit()


@sqlite_failure("async", "sqlite-database-locked")
@pytest.mark.asyncio
async def test_async_event_ingest(db_path):
    async with aiosqlite.connect(db_path, timeout=0.1, isolation_level=None) as ingest, \
            aiosqlite.connect(db_path, timeout=0.1) as api:
        await ingest.execute("BEGIN IMMEDIATE")
        await ingest.execute("INSERT INTO audit (event) VALUES ('ingest')")
        await api.execute("UPDATE users SET name = 'Bobby' WHERE id = 2")
        await api.commit()


@sqlite_failure("assert", "sqlite-database-locked")
def test_health_check_reports_writable(db_path):
    def writable(path):
        try:
            c = open_db(path, timeout=0.05)
            c.execute("CREATE TABLE IF NOT EXISTS _health (x)")
            c.commit()
            return True
        except sqlite3.OperationalError as exc:
            return str(exc)

    lock = open_db(db_path, isolation_level=None)
    lock.execute("BEGIN EXCLUSIVE")
    assert writable(db_path) is True
