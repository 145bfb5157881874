"""Accounts on Tortoise ORM (SQLite backend in tests, as in the project's local profile)."""

from __future__ import annotations

import sqlite3

import pytest
import pytest_asyncio
from tortoise import Tortoise, fields
from tortoise.models import Model
from tortoise.transactions import in_transaction

pytestmark = pytest.mark.asyncio

known_failure = lambda shape, cause: pytest.mark.failure(  # noqa: E731
    category="3", library="tortoise-orm", shape=shape, cause=cause
)


class Account(Model):
    id = fields.IntField(primary_key=True)
    email = fields.CharField(max_length=100, unique=True)
    credits = fields.IntField(default=0)

    class Meta:
        app = "accounts"
        table = "account"


@pytest_asyncio.fixture
async def accounts_db(tmp_path):
    path = tmp_path / "accounts.sqlite3"
    await Tortoise.init(
        config={
            "connections": {"default": {"engine": "tortoise.backends.sqlite", "credentials": {"file_path": str(path)}}},
            "apps": {"accounts": {"models": [__name__], "default_connection": "default"}},
        }
    )
    await Tortoise.generate_schemas()
    await Account.create(email="gil@example.com", credits=10)
    yield path
    await Tortoise.close_connections()


@pytest.fixture
def billing_batch_running(accounts_db):
    raw = sqlite3.connect(accounts_db, timeout=0.1, isolation_level=None)
    raw.execute("BEGIN EXCLUSIVE")
    yield
    raw.execute("ROLLBACK")
    raw.close()


async def test_account_credits(accounts_db):
    assert (await Account.get(email="gil@example.com")).credits == 10


@known_failure("async", "database-is-locked")
async def test_signup_during_billing_batch(accounts_db, billing_batch_running):
    from tortoise import connections

    await connections.get("default").execute_script("PRAGMA busy_timeout = 100")
    await Account.create(email="hana@example.com", credits=0)


@known_failure("async", "database-is-locked")
async def test_redeem_credits_during_billing_batch(accounts_db, billing_batch_running):
    from tortoise import connections

    await connections.get("default").execute_script("PRAGMA busy_timeout = 100")
    async with in_transaction():
        acc = await Account.get(email="gil@example.com")
        acc.credits -= 3
        await acc.save()
