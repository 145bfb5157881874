"""Local ledger file for the point-of-sale terminals (APSW, a thin SQLite wrapper)."""

from __future__ import annotations

import apsw


class LedgerBusy(RuntimeError):
    pass


def open_ledger(path: str, busy_ms: int = 200) -> apsw.Connection:
    conn = apsw.Connection(path)
    conn.set_busy_timeout(busy_ms)
    return conn


def init(conn: apsw.Connection) -> None:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS entries (id INTEGER PRIMARY KEY, terminal TEXT NOT NULL, amount INTEGER NOT NULL);"
        "CREATE TABLE IF NOT EXISTS scratch (id INTEGER PRIMARY KEY, note TEXT);"
        "INSERT INTO scratch (note) VALUES ('a'), ('b');"
    )


def record(conn: apsw.Connection, terminal: str, amount: int) -> None:
    conn.execute("INSERT INTO entries (terminal, amount) VALUES (?, ?)", (terminal, amount))


def record_or_queue(conn: apsw.Connection, terminal: str, amount: int) -> None:
    try:
        record(conn, terminal, amount)
    except apsw.BusyError as exc:
        raise LedgerBusy(f"ledger busy, could not record {amount} for {terminal}") from exc


def total(conn: apsw.Connection) -> int:
    return conn.execute("SELECT COALESCE(SUM(amount), 0) FROM entries").fetchall()[0][0]


def purge_scratch(conn: apsw.Connection) -> int:
    """Drops the scratch table once its notes are all read."""
    seen = 0
    for (note,) in conn.execute("SELECT note FROM scratch"):
        seen += 1
        if seen == 2:
            conn.execute("DROP TABLE scratch")
    return seen


def record_refund(conn: apsw.Connection, terminal: str | None, amount: int) -> None:
    conn.execute("INSERT INTO entries (terminal, amount) VALUES (?, ?)", (terminal, -amount))
