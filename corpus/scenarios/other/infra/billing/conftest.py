from __future__ import annotations

import asyncpg
import psycopg
import pytest
import pytest_asyncio
from sqlalchemy import create_engine

from .repository import metadata


@pytest.fixture
def db_conn(database_url):
    """A connection inside a transaction that is rolled back after the test."""
    conn = psycopg.connect(database_url, connect_timeout=2)
    conn.autocommit = False
    yield conn
    conn.rollback()
    conn.close()


@pytest.fixture
def migrated_engine(database_url):
    engine = create_engine(database_url.replace("postgresql://", "postgresql+psycopg://"))
    metadata.create_all(engine)
    yield engine
    metadata.drop_all(engine)
    engine.dispose()


@pytest_asyncio.fixture
async def pg_pool(database_url):
    pool = await asyncpg.create_pool(database_url, min_size=1, max_size=2, timeout=2)
    yield pool
    await pool.close()
