"""Audit trail writer (aiopg on PostgreSQL): request handlers append events through a small shared pool."""

from __future__ import annotations

import asyncio

import aiopg

from ..conftest import PG_HOST, PG_PORT

DSN = f"dbname=depot user=depot password=depot host={PG_HOST} port={PG_PORT}"


async def make_pool(maxsize: int = 2) -> aiopg.Pool:
    return await aiopg.create_pool(DSN, minsize=0, maxsize=maxsize, timeout=5)


async def ensure_table(pool: aiopg.Pool) -> None:
    async with pool.acquire() as conn:
        async with conn.cursor() as cur:
            await cur.execute("CREATE TABLE IF NOT EXISTS audit_event (id serial PRIMARY KEY, actor text, action text)")


async def record(pool: aiopg.Pool, actor: str, action: str) -> int:
    conn = await asyncio.wait_for(pool.acquire(), timeout=1)
    try:
        async with conn.cursor() as cur:
            await cur.execute("INSERT INTO audit_event (actor, action) VALUES (%s, %s) RETURNING id", (actor, action))
            (event_id,) = await cur.fetchone()
            return event_id
    finally:
        pool.release(conn)


async def open_export_cursor(pool: aiopg.Pool):
    conn = await pool.acquire()
    cur = await conn.cursor()
    await cur.execute("SELECT actor, action FROM audit_event ORDER BY id")
    return conn, cur


async def count_events(pool: aiopg.Pool) -> int:
    async with pool.acquire() as conn:
        async with conn.cursor() as cur:
            await cur.execute("SELECT COUNT(*) FROM audit_event")
            return (await cur.fetchone())[0]
