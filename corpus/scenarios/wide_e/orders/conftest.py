import pymysql
import pytest

from . import repository


@pytest.fixture(autouse=True)
def schema():
    repository.reset_schema()
    yield
    while repository._WIDGET_CONNECTIONS:
        repository._WIDGET_CONNECTIONS.pop().close()


@pytest.fixture
def conn():
    c = repository.connect()
    yield c
    try:
        c.close()
    except pymysql.err.Error:
        pass


@pytest.fixture
def repo(conn):
    return repository.OrderRepository(conn)


@pytest.fixture
def admin():
    c = repository.connect(autocommit=True)
    yield c
    c.close()
