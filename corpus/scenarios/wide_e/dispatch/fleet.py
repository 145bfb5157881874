"""Courier dispatch on MariaDB with aiomysql: a pool shared by the request handlers."""

from __future__ import annotations

import aiomysql

from ..conftest import MYSQL_HOST, MYSQL_PORT

DSN = dict(host=MYSQL_HOST, port=MYSQL_PORT, user="shop", password="shop", db="fleet")

SCHEMA = [
    "DROP TABLE IF EXISTS couriers",
    "CREATE TABLE couriers (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL, zone VARCHAR(8) NOT NULL,"
    " busy TINYINT NOT NULL DEFAULT 0) ENGINE=InnoDB",
    "INSERT INTO couriers VALUES (1, 'ana', 'north', 0), (2, 'ben', 'north', 0), (3, 'cy', 'south', 1)",
]

_pool: aiomysql.Pool | None = None


async def create_pool(**kw) -> aiomysql.Pool:
    opts = dict(DSN, autocommit=True)
    opts.update(kw)
    return await aiomysql.create_pool(**opts)


async def get_pool() -> aiomysql.Pool:
    """Lazily created once per process and reused by every handler."""
    global _pool
    if _pool is None:
        _pool = await create_pool(minsize=1, maxsize=2)
    return _pool


async def reset_schema() -> None:
    conn = await aiomysql.connect(**DSN, autocommit=True)
    async with conn.cursor() as cur:
        for stmt in SCHEMA:
            await cur.execute(stmt)
    conn.close()


class Dispatcher:
    def __repr__(self) -> str:
        return "Dispatcher(fleet)"

    def __init__(self, pool: aiomysql.Pool) -> None:
        self.pool = pool
        self._held = []

    async def free_couriers(self, zone: str) -> list[str]:
        async with self.pool.acquire() as conn:
            async with conn.cursor() as cur:
                await cur.execute("SELECT name FROM couriers WHERE zone = %s AND busy = 0 ORDER BY id", (zone,))
                return [r[0] for r in await cur.fetchall()]

    async def claim(self, courier_id: int) -> None:
        """Starts the claim; the confirmation step (not yet written) was to release the connection."""
        conn = await self.pool.acquire()
        self._held.append(conn)
        await conn.begin()
        async with conn.cursor() as cur:
            await cur.execute("UPDATE couriers SET busy = 1 WHERE id = %s", (courier_id,))

    async def assign(self, courier_id: int) -> int:
        async with self.pool.acquire() as conn:
            await conn.begin()
            async with conn.cursor() as cur:
                await cur.execute("UPDATE couriers SET busy = 1 WHERE id = %s", (courier_id,))
                await conn.commit()
                return cur.rowcount

    async def zone_load(self, zone: str) -> float:
        async with self.pool.acquire() as conn:
            async with conn.cursor() as cur:
                await cur.execute("SELECT SUM(busy), COUNT(*) FROM couriers WHERE zone = %s", (zone,))
                busy, total = await cur.fetchone()
                return float(busy) / float(total) * 100 // 1
