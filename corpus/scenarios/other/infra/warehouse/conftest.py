from __future__ import annotations

import pymysql
import pytest

from .db import Bin, connect_peewee


@pytest.fixture
def mysql_conn(mysql_settings):
    conn = pymysql.connect(connect_timeout=2, autocommit=False, **mysql_settings)
    yield conn
    conn.rollback()
    conn.close()


@pytest.fixture
def bins_db(mysql_settings):
    db = connect_peewee(mysql_settings)
    db.create_tables([Bin])
    yield db
    db.drop_tables([Bin])
    db.close()
