import fakeredis
import pytest

from .route_lock import LOCK_NAME, plan_routes, start_long_replan

# one server for the module, like the shared staging Redis the suite used to run against
SERVER = fakeredis.FakeServer()


@pytest.fixture
def r():
    return fakeredis.FakeRedis(server=SERVER)


def test_morning_plan_for_leeds(r):
    assert plan_routes(r, "leeds") == "planned"


def test_ops_replan_takes_the_lock(r):
    lock = start_long_replan(r)
    assert lock.owned()


@pytest.mark.failure(category="7", library="redis-lock", dist="fakeredis", shape="assert", cause="distributed-lock-never-released")
def test_afternoon_plan_for_york(r):
    assert plan_routes(r, "york") == "planned"


@pytest.mark.failure(category="7", library="redis-lock", dist="fakeredis", shape="raised", cause="distributed-lock-never-released")
def test_replan_released_by_ops_console(r):
    lock = r.lock(LOCK_NAME, timeout=None)
    lock.release()
