import aiomysql
import pytest
from databases import Database

from . import fleet, shifts


@pytest.fixture(autouse=True)
async def schema():
    await fleet.reset_schema()


@pytest.fixture
async def db():
    database = Database(shifts.URL, min_size=1, max_size=2)
    await database.connect()
    yield database
    await database.disconnect()


async def test_couriers_in_south(db):
    assert await shifts.couriers_in("south", db) == ["cy"]


@pytest.mark.failure(category="3", library="databases", shape="async", cause="database-used-before-connect")
async def test_couriers_in_north_from_api():
    assert await shifts.couriers_in("north") == ["ana", "ben"]


@pytest.fixture
async def rota_editor():
    editor = await aiomysql.connect(**fleet.DSN)
    await editor.begin()
    async with editor.cursor() as cur:
        await cur.execute("SELECT * FROM couriers WHERE id = 3 FOR UPDATE")
    yield editor
    await editor.rollback()
    editor.close()


@pytest.mark.failure(category="3", library="databases", shape="async", cause="innodb-lock-wait-timeout-open-tx")
async def test_hand_over_shift(db, rota_editor):
    await shifts.hand_over(db, 3, 1)
    assert await shifts.couriers_in("south", db) == ["cy"]


@pytest.fixture
async def disconnected_db():
    database = Database(shifts.URL, min_size=1, max_size=2)
    await database.connect()
    await shifts.couriers_in("north", database)
    await database.disconnect()  # the lifespan shutdown ran when the previous app instance stopped
    yield database


@pytest.mark.failure(category="3", library="databases", shape="async", cause="query-after-disconnect")
async def test_couriers_after_app_restart(disconnected_db):
    assert await shifts.couriers_in("north", disconnected_db) == ["ana", "ben"]


@pytest.mark.failure(category="other", library="databases", shape="raised", cause="column-key-typo")
async def test_shift_label(db):
    assert await shifts.shift_label(db, 1) == "ana@north"
