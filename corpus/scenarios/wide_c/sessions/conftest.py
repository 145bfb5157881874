import fakeredis
import pytest

# one fake server for the whole run, like the docker-compose Redis in CI
SERVER = fakeredis.FakeServer()


@pytest.fixture
def redis_client():
    return fakeredis.FakeRedis(server=SERVER)
