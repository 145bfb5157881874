from __future__ import annotations

import pytest

from .db import sqlalchemy_url
from .engines import async_ping, engine_for, load_report_frame, oracle_driver, ping, reporting_database


@pytest.fixture
def erp_connection():
    oracledb = oracle_driver()
    conn = oracledb.connect(user="erp", password="erp", dsn="127.0.0.1:1599/ERP")
    yield conn
    conn.close()


@pytest.mark.failure(category="other", library="sqlalchemy", dist="SQLAlchemy", shape="raised", cause="db-driver-missing")
def test_engine_from_heroku_style_url():
    engine = engine_for("postgres://billing:billing@127.0.0.1:5499/billing")
    assert engine.dialect.name == "postgresql"


@pytest.mark.failure(category="other", library="sqlalchemy", dist="SQLAlchemy", shape="raised", cause="db-driver-missing")
def test_engine_for_pypy_deployment():
    engine = engine_for("postgresql+psycopg2cffi://billing:billing@127.0.0.1:5499/billing")
    assert engine.dialect.driver == "psycopg2cffi"


@pytest.mark.failure(category="other", library="sqlalchemy", dist="SQLAlchemy", shape="raised", cause="db-driver-missing")
def test_ping_mysql_with_mysqlclient(mysql_settings):
    assert ping(sqlalchemy_url(mysql_settings, driver="mysqldb")) == 1


@pytest.mark.failure(category="other", library="sqlalchemy", dist="SQLAlchemy", shape="raised", cause="db-driver-missing")
def test_engine_for_snowflake_warehouse():
    engine = engine_for("snowflake://analytics:secret@acme-eu/ANALYTICS/PUBLIC?warehouse=REPORTING")
    assert engine.dialect.name == "snowflake"


@pytest.mark.failure(category="other", library="sqlalchemy", dist="SQLAlchemy", shape="raised", cause="db-driver-missing")
def test_engine_for_sql_server_reporting():
    engine = engine_for("mssql+pyodbc://report:report@127.0.0.1:1499/reports?driver=ODBC+Driver+18+for+SQL+Server")
    assert engine.dialect.name == "mssql"


@pytest.mark.asyncio
@pytest.mark.failure(category="other", library="sqlalchemy", dist="SQLAlchemy", shape="async", cause="db-driver-missing")
async def test_async_ping_mysql(mysql_settings):
    assert await async_ping(sqlalchemy_url(mysql_settings, driver="aiomysql")) == 1


@pytest.mark.failure(category="other", library="pandas", shape="raised", cause="db-driver-missing")
def test_stock_report_frame(mysql_settings):
    frame = load_report_frame(sqlalchemy_url(mysql_settings, driver="mysqlconnector"))
    assert list(frame.columns) == ["sku", "quantity"]


@pytest.mark.failure(category="other", library="peewee", shape="raised", cause="db-driver-missing")
def test_reporting_database_tables(mysql_settings):
    db = reporting_database(mysql_settings)
    assert "stock" in db.get_tables()


@pytest.mark.failure(category="other", library="importlib", dist=None, shape="setup", cause="db-driver-missing")
def test_erp_purchase_orders(erp_connection):
    with erp_connection.cursor() as cur:
        cur.execute("SELECT count(*) FROM purchase_orders")
        assert cur.fetchone()[0] >= 0
