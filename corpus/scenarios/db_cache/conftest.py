"""Fixtures of the db/cache scenarios: a real PostgreSQL (port 5439, max_connections=12) and real Redis servers."""

from __future__ import annotations

import os

import psycopg
import pytest

PG_HOST = os.environ.get("DBCACHE_PG_HOST", "127.0.0.1")
PG_PORT = int(os.environ.get("DBCACHE_PG_PORT", "5439"))
APP_DSN = f"postgresql://app:app@{PG_HOST}:{PG_PORT}/appdb"
ADMIN_DSN = f"postgresql://admin:admin@{PG_HOST}:{PG_PORT}/appdb"
REPORTING_DSN = f"postgresql://reporting:reporting@{PG_HOST}:{PG_PORT}/appdb"
ANALYTICS_DSN = f"postgresql://app:app@{PG_HOST}:{PG_PORT}/analytics"
REDIS_URL = os.environ.get("DBCACHE_REDIS_URL", "redis://127.0.0.1:6379/7")
REDIS_SMALL_URL = os.environ.get("DBCACHE_REDIS_SMALL_URL", "redis://127.0.0.1:6391/0")

SCHEMA = """
DROP TABLE IF EXISTS accounts, users, inventory, orders CASCADE;
CREATE TABLE accounts (id int PRIMARY KEY, owner text NOT NULL, balance numeric NOT NULL);
CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL UNIQUE, name text NOT NULL);
CREATE TABLE inventory (sku text PRIMARY KEY, qty int NOT NULL);
CREATE TABLE orders (id serial PRIMARY KEY, user_id int NOT NULL, total numeric NOT NULL);
INSERT INTO accounts VALUES (1, 'alice', 100), (2, 'bob', 50), (3, 'carol', 75);
INSERT INTO users (email, name) VALUES ('alice@example.com', 'Alice'), ('bob@example.com', 'Bob');
INSERT INTO inventory VALUES ('SKU-1', 10), ('SKU-2', 3);
INSERT INTO orders (user_id, total) VALUES (1, 20), (1, 35), (2, 12);
GRANT SELECT ON orders, users TO reporting;
"""


def reset_schema() -> None:
    with psycopg.connect(APP_DSN, autocommit=True) as conn:
        conn.execute(SCHEMA)


@pytest.fixture(scope="session", autouse=True)
def _database_schema():
    reset_schema()
    yield


@pytest.fixture
def app_dsn() -> str:
    return APP_DSN


@pytest.fixture
def admin_dsn() -> str:
    return ADMIN_DSN


def terminate_app_backends() -> None:
    """Kill connections that scenarios leaked on purpose, so that the next module starts with free slots."""
    with psycopg.connect(ADMIN_DSN, autocommit=True) as conn:
        conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE usename IN ('app', 'reporting', 'admin') AND pid <> pg_backend_pid()"
        )


@pytest.fixture(scope="module", autouse=True)
def _free_leaked_connections():
    yield
    import gc

    gc.collect()
    terminate_app_backends()
