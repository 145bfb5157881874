"""Warehouse stock database (MySQL in production, several drivers across the services)."""

from __future__ import annotations

import peewee
import pymysql
from sqlalchemy import create_engine, text
from sqlalchemy.ext.asyncio import create_async_engine

database = peewee.DatabaseProxy()


class Bin(peewee.Model):
    code = peewee.CharField(unique=True)
    capacity = peewee.IntegerField(default=100)

    class Meta:
        database = database


def stock_level(settings: dict, sku: str) -> int:
    conn = pymysql.connect(connect_timeout=2, **settings)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT quantity FROM stock WHERE sku = %s", (sku,))
            row = cur.fetchone()
            return row[0] if row else 0
    finally:
        conn.close()


def sqlalchemy_url(settings: dict, driver: str = "pymysql") -> str:
    return "mysql+{driver}://{user}:{password}@{host}:{port}/{database}".format(driver=driver, **settings)


def count_bins(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM bins")).scalar_one()


def engine_from_url(url: str):
    return create_engine(url, pool_pre_ping=True)


def async_engine_from_url(url: str):
    return create_async_engine(url)


def connect_peewee(settings: dict, backend: str = "mysql") -> peewee.Database:
    if backend == "mysql":
        db = peewee.MySQLDatabase(
            settings["database"], user=settings["user"], password=settings["password"],
            host=settings["host"], port=settings["port"], connect_timeout=2,
        )
    else:
        db = peewee.PostgresqlDatabase(
            settings["database"], user=settings["user"], password=settings["password"],
            host=settings["host"], port=settings["port"], connect_timeout=2,
        )
    database.initialize(db)
    db.connect()
    return db
