"""Engine factory: the DATABASE_URL of each deployment picks the dialect and driver."""

from __future__ import annotations

import importlib

import pandas as pd
import peewee
from sqlalchemy import create_engine, text
from sqlalchemy.ext.asyncio import create_async_engine


def engine_for(url: str, **kwargs):
    return create_engine(url, **kwargs)


def ping(url: str) -> int:
    engine = create_engine(url)
    with engine.connect() as conn:
        return conn.execute(text("SELECT 1")).scalar_one()


async def async_ping(url: str) -> int:
    engine = create_async_engine(url)
    async with engine.connect() as conn:
        return (await conn.execute(text("SELECT 1"))).scalar_one()


def load_report_frame(url: str) -> pd.DataFrame:
    return pd.read_sql("SELECT sku, quantity FROM stock", url)


def reporting_database(settings: dict) -> peewee.Database:
    from playhouse.mysql_ext import MySQLConnectorDatabase

    db = MySQLConnectorDatabase(settings["database"], host=settings["host"], port=settings["port"],
                                user=settings["user"], password=settings["password"])
    db.connect()
    return db


def oracle_driver():
    """The ERP bridge talks to Oracle through python-oracledb."""
    return importlib.import_module("oracledb")
