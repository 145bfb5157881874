"""Warehouse inventory API: Flask + SQLAlchemy on a shared SQLite file, small pool as configured in production."""

from __future__ import annotations

import logging
import sqlite3
from concurrent.futures import ThreadPoolExecutor

from flask import Flask, jsonify
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError, TimeoutError as PoolTimeout
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger("inventory")


def make_engine(url: str, pool_size: int = 1, timeout: float = 0.2):
    return create_engine(url, pool_size=pool_size, max_overflow=0, pool_timeout=timeout,
                         connect_args={"check_same_thread": False, "timeout": 0.1})


def init_schema(engine) -> None:
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE IF NOT EXISTS stock (sku TEXT PRIMARY KEY, qty INTEGER NOT NULL)"))
        conn.execute(text("DELETE FROM stock"))
        conn.execute(text("INSERT INTO stock VALUES ('A1', 5), ('B2', 0), ('C3', 12)"))


EXPORTS: list[Session] = []


def create_app(engine) -> Flask:
    app = Flask(__name__)
    SessionLocal = sessionmaker(engine)

    @app.errorhandler(PoolTimeout)
    def pool_timeout(exc):
        log.error("database unavailable: %s", exc)
        return jsonify(detail=str(exc).split(" (Background")[0]), 503

    @app.errorhandler(OperationalError)
    def operational(exc):
        return jsonify(detail=str(exc.orig)), 503

    @app.get("/stock/<sku>")
    def stock(sku):
        with SessionLocal() as session:
            qty = session.execute(text("SELECT qty FROM stock WHERE sku = :s"), {"s": sku}).scalar_one()
        return jsonify(sku=sku, qty=qty)

    @app.get("/stock/count")
    def count():
        with SessionLocal() as session:
            n = session.execute(text("SELECT count(*) FROM stock WHERE qty > 0")).scalar_one()
        return jsonify(count=n)

    @app.get("/export")
    def export():
        # streams the CSV lazily; the session is closed when the response generator is exhausted
        session = SessionLocal()
        rows = session.execute(text("SELECT sku, qty FROM stock ORDER BY sku"))
        EXPORTS.append(session)
        return jsonify(first=list(rows.first()))

    @app.post("/stock/<sku>/reserve")
    def reserve(sku):
        with SessionLocal.begin() as session:
            session.execute(text("UPDATE stock SET qty = qty - 1 WHERE sku = :s"), {"s": sku})
        return jsonify(ok=True)

    return app


def import_batches(engine, batches: list[list[tuple[str, int]]], workers: int = 4):
    """Imports batches in parallel; returns (imported skus, errors)."""
    imported, errors = [], []

    def run(batch):
        try:
            with engine.begin() as conn:
                for sku, qty in batch:
                    conn.execute(text("INSERT OR REPLACE INTO stock VALUES (:s, :q)"), {"s": sku, "q": qty})
                conn.execute(text("SELECT 1 FROM stock"))
                import time
                time.sleep(0.15)
            imported.extend(sku for sku, _ in batch)
        except (PoolTimeout, OperationalError) as exc:
            errors.append(type(exc).__name__)

    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(run, batches))
    return sorted(imported), errors


def transfer(db_path: str, sku_from: str, sku_to: str, qty: int, hold=None) -> bool:
    """Moves stock between two SKUs in one deferred transaction; False when the write could not be made."""
    conn = sqlite3.connect(db_path, timeout=0.1, isolation_level=None)
    try:
        conn.execute("BEGIN")
        conn.execute("SELECT qty FROM stock WHERE sku = ?", (sku_from,)).fetchone()
        if hold:
            hold()
        conn.execute("UPDATE stock SET qty = qty - ? WHERE sku = ?", (qty, sku_from))
        conn.execute("UPDATE stock SET qty = qty + ? WHERE sku = ?", (qty, sku_to))
        conn.execute("COMMIT")
        return True
    except sqlite3.OperationalError:
        conn.execute("ROLLBACK")
        return False
    finally:
        conn.close()
