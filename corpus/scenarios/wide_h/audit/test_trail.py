import pytest

from .trail import count_events, ensure_table, make_pool, open_export_cursor, record


@pytest.fixture
async def pool():
    p = await make_pool()
    await ensure_table(p)
    yield p
    p.terminate()
    await p.wait_closed()


@pytest.fixture
async def export(pool):
    conn, cur = await open_export_cursor(pool)
    yield cur


@pytest.fixture
async def second_export(pool, export):
    conn, cur = await open_export_cursor(pool)
    yield cur


async def test_login_is_recorded(pool):
    assert await record(pool, "ana", "login") > 0


async def test_export_streams_events(export):
    assert len(await export.fetchall()) >= 1


@pytest.mark.failure(category="3", library="aiopg", shape="async", cause="export-cursors-hold-pool-connections")
async def test_export_while_users_log_in(pool, second_export):
    await record(pool, "bo", "login")
    assert len(await second_export.fetchall()) >= 1


@pytest.mark.timeout(2)
@pytest.mark.failure(category="3", library="aiopg", shape="timeout", cause="export-cursors-hold-pool-connections")
async def test_export_totals_match_count(pool, second_export):
    rows = await second_export.fetchall()
    assert await count_events(pool) == len(rows)


@pytest.fixture
async def recorded_logout(pool, second_export):
    return await record(pool, "cy", "logout")


@pytest.mark.failure(category="3", library="aiopg", shape="setup", cause="export-cursors-hold-pool-connections")
async def test_logout_appears_in_export(recorded_logout, second_export):
    assert recorded_logout in [row[0] for row in await second_export.fetchall()]
