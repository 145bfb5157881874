"""Fund transfers between accounts, written against plain psycopg connections."""

from __future__ import annotations

from decimal import Decimal
import threading

import psycopg


class TransferError(RuntimeError):
    pass


def debit_then_credit(conn: psycopg.Connection, src: int, dst: int, amount: Decimal,
                      barrier: threading.Barrier | None = None) -> None:
    """Locks the source row first, then the destination row (lock order depends on the argument order)."""
    with conn.transaction():
        conn.execute("UPDATE accounts SET balance = balance - %s WHERE id = %s", (amount, src))
        if barrier is not None:
            barrier.wait(timeout=5)
        conn.execute("UPDATE accounts SET balance = balance + %s WHERE id = %s", (amount, dst))


def transfer(dsn: str, src: int, dst: int, amount: Decimal, barrier: threading.Barrier | None = None) -> None:
    with psycopg.connect(dsn) as conn:
        debit_then_credit(conn, src, dst, amount, barrier)


def reserve_stock(conn: psycopg.Connection, sku: str, qty: int) -> int:
    row = conn.execute("SELECT qty FROM inventory WHERE sku = %s FOR UPDATE NOWAIT", (sku,)).fetchone()
    if row is None or row[0] < qty:
        raise ValueError(f"not enough stock for {sku}")
    conn.execute("UPDATE inventory SET qty = qty - %s WHERE sku = %s", (qty, sku))
    return row[0] - qty


def safe_transfer(dsn: str, src: int, dst: int, amount: Decimal, barrier=None) -> None:
    try:
        transfer(dsn, src, dst, amount, barrier)
    except psycopg.errors.DeadlockDetected as exc:
        raise TransferError(f"transfer {src}->{dst} of {amount} aborted") from exc
