from __future__ import annotations

import pymysql
import pytest

from .db import Bin, connect_peewee, count_bins, engine_from_url, sqlalchemy_url, stock_level


@pytest.mark.failure(category="other", library="pymysql", dist="PyMySQL", shape="raised", cause="db-server-unavailable")
def test_stock_level_for_unknown_sku(mysql_settings):
    assert stock_level(mysql_settings, "SKU-404") == 0


@pytest.mark.failure(category="other", library="pymysql", dist="PyMySQL", shape="setup", cause="db-server-unavailable")
def test_reserve_stock_decrements_quantity(mysql_conn):
    with mysql_conn.cursor() as cur:
        cur.execute("UPDATE stock SET quantity = quantity - 1 WHERE sku = %s", ("SKU-1",))
        assert cur.rowcount == 1


@pytest.mark.failure(category="other", library="sqlalchemy", dist="SQLAlchemy", shape="raised", cause="db-server-unavailable")
def test_count_bins_on_mysql(mysql_settings):
    engine = engine_from_url(sqlalchemy_url(mysql_settings))
    assert count_bins(engine) == 0


@pytest.mark.failure(category="other", library="peewee", shape="setup", cause="db-server-unavailable")
def test_create_bin(bins_db):
    Bin.create(code="A-01-01", capacity=40)
    assert Bin.select().count() == 1


@pytest.mark.failure(category="other", library="peewee", shape="raised", cause="db-server-unavailable")
def test_bins_on_postgres_backend(mysql_settings):
    settings = dict(mysql_settings, port=5499)
    db = connect_peewee(settings, backend="postgres")
    assert db.get_tables() == []


@pytest.mark.failure(category="other", library="pymysql", dist="PyMySQL", shape="assert", cause="db-server-unavailable")
def test_mysql_is_reachable_for_migrations(mysql_settings):
    try:
        pymysql.connect(connect_timeout=2, **mysql_settings).close()
        reachable, reason = True, ""
    except pymysql.err.OperationalError as exc:
        reachable, reason = False, exc.args[1]
    assert reachable, f"cannot run migrations: {reason}"
