"""Service endpoints of the test environment (read from the environment like CI would set them)."""

from __future__ import annotations

import os

import pytest


@pytest.fixture
def database_url() -> str:
    return os.environ.get("BILLING_DATABASE_URL", "postgresql://billing:billing@127.0.0.1:5499/billing_test")


@pytest.fixture
def mysql_settings() -> dict[str, object]:
    return {
        "host": os.environ.get("WAREHOUSE_DB_HOST", "127.0.0.1"),
        "port": int(os.environ.get("WAREHOUSE_DB_PORT", "3399")),
        "user": "warehouse",
        "password": "warehouse",
        "database": "warehouse_test",
    }


@pytest.fixture
def cache_url() -> str:
    return os.environ.get("CACHE_URL", "redis://127.0.0.1:6499/0")


@pytest.fixture
def memcached_address() -> tuple[str, int]:
    return ("127.0.0.1", int(os.environ.get("MEMCACHED_PORT", "11299")))


@pytest.fixture
def inventory_service_url() -> str:
    return os.environ.get("INVENTORY_SERVICE_URL", "http://127.0.0.1:8099")
