"""Wallet transfers and stock reservation of the shop backend (plain DB-API code)."""

from __future__ import annotations

import threading
from decimal import Decimal


def transfer(conn, src: int, dst: int, amount: Decimal, barrier: threading.Barrier | None = None) -> None:
    """Move money between two wallets in one transaction, debit first."""
    with conn.cursor() as cur:
        cur.execute("UPDATE wallets SET balance = balance - %s WHERE id = %s", (amount, src))
        if barrier is not None:
            barrier.wait(timeout=5)
        cur.execute("UPDATE wallets SET balance = balance + %s WHERE id = %s", (amount, dst))
        cur.execute("INSERT INTO ledger (wallet_id, amount) VALUES (%s, %s), (%s, %s)", (src, -amount, dst, amount))
    conn.commit()


def reserve(conn, sku: str, qty: int) -> int:
    with conn.cursor() as cur:
        cur.execute("SELECT qty FROM stock WHERE sku = %s FOR UPDATE NOWAIT", (sku,))
        (have,) = cur.fetchone()
        cur.execute("UPDATE stock SET qty = %s WHERE sku = %s", (have - qty, sku))
    conn.commit()
    return have - qty


class OrderServiceUnavailable(RuntimeError):
    pass
