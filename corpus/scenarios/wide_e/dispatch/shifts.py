"""Shift planner built on `databases` (async SQL over aiomysql), as used by the rota API."""

from __future__ import annotations

from databases import Database

from ..conftest import MYSQL_HOST, MYSQL_PORT

URL = f"mysql+aiomysql://shop:shop@{MYSQL_HOST}:{MYSQL_PORT}/fleet"

database = Database(URL, min_size=1, max_size=2)


async def on_startup() -> None:
    await database.connect()


async def on_shutdown() -> None:
    await database.disconnect()


async def couriers_in(zone: str, db: Database = database) -> list[str]:
    rows = await db.fetch_all("SELECT name FROM couriers WHERE zone = :zone ORDER BY id", {"zone": zone})
    return [r["name"] for r in rows]


async def hand_over(db: Database, from_id: int, to_id: int) -> None:
    async with db.transaction():
        await db.execute("UPDATE couriers SET busy = 0 WHERE id = :id", {"id": from_id})
        await db.execute("UPDATE couriers SET busy = 1 WHERE id = :id", {"id": to_id})


async def shift_label(db: Database, courier_id: int) -> str:
    row = await db.fetch_one("SELECT name, zone FROM couriers WHERE id = :id", {"id": courier_id})
    return f"{row['name']}@{row['zne']}"
