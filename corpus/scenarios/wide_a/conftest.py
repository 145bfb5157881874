"""Fixtures of the wide_a scenarios: a real PostgreSQL (127.0.0.1:5447, max_connections=10), a real Redis server
(6395, maxclients 6), Django configured once for the storefront app; models and servers are created by the tests."""

from __future__ import annotations

import gc
import os
import tempfile
import time

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import django  # noqa: E402
import psycopg2  # noqa: E402
import pytest  # noqa: E402
from django.conf import settings  # noqa: E402

PG_HOST = os.environ.get("WIDEA_PG_HOST", "127.0.0.1")
PG_PORT = int(os.environ.get("WIDEA_PG_PORT", "5447"))
SHOP_DSN = f"host={PG_HOST} port={PG_PORT} dbname=shopdb user=shop password=shop"
OPS_DSN = f"host={PG_HOST} port={PG_PORT} dbname=shopdb user=ops password=ops"
BI_DSN = f"host={PG_HOST} port={PG_PORT} dbname=shopdb user=bi password=bi"
WAREHOUSE_DSN = f"host={PG_HOST} port={PG_PORT} dbname=warehouse user=shop password=shop"
PG_KW = {"host": PG_HOST, "port": PG_PORT, "database": "shopdb", "user": "shop", "password": "shop"}
REDIS_URL = os.environ.get("WIDEA_REDIS_URL", "redis://127.0.0.1:6395/0")

SCHEMA = """
DROP TABLE IF EXISTS wallets, stock, purchase_orders, ledger CASCADE;
CREATE TABLE wallets (id int PRIMARY KEY, owner text NOT NULL, balance numeric NOT NULL);
CREATE TABLE stock (sku text PRIMARY KEY, qty int NOT NULL);
CREATE TABLE purchase_orders (id serial PRIMARY KEY, sku text NOT NULL, qty int NOT NULL, status text NOT NULL);
CREATE TABLE ledger (id serial PRIMARY KEY, wallet_id int NOT NULL, amount numeric NOT NULL);
INSERT INTO wallets VALUES (1, 'dana', 120), (2, 'eli', 80), (3, 'fay', 45);
INSERT INTO stock VALUES ('WIDGET', 12), ('GADGET', 4), ('GIZMO', 0);
INSERT INTO purchase_orders (sku, qty, status) VALUES ('WIDGET', 5, 'open'), ('GADGET', 2, 'open');
GRANT SELECT ON wallets, stock, purchase_orders TO bi;
"""

DJANGO_DIR = tempfile.mkdtemp(prefix="storefront-")
if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY="test-not-secret",
        USE_TZ=True,
        INSTALLED_APPS=["django.contrib.contenttypes", "channels", "wide_a.storefront"],
        DATABASES={
            "default": {
                "ENGINE": "django.db.backends.sqlite3",
                "NAME": os.path.join(DJANGO_DIR, "storefront.sqlite3"),
                "OPTIONS": {"timeout": 0.2},
            },
            "ledger": {
                "ENGINE": "django.db.backends.postgresql",
                "HOST": PG_HOST,
                "PORT": PG_PORT,
                "NAME": "shopdb",
                "USER": "shop",
                "PASSWORD": "shop",
            },
        },
        CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "storefront"}},
        CHANNEL_LAYERS={"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}},
        ROOT_URLCONF=None,
        DEFAULT_AUTO_FIELD="django.db.models.AutoField",
    )
    django.setup()


def reset_schema() -> None:
    conn = psycopg2.connect(SHOP_DSN)
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute(SCHEMA)
    conn.close()


def terminate_shop_backends() -> None:
    """Kill connections that scenarios leaked on purpose, so that the next test starts with free slots."""
    conn = psycopg2.connect(OPS_DSN)
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE usename IN ('shop', 'bi', 'ops') AND pid <> pg_backend_pid()"
        )
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:
            cur.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()"
            )
            if cur.fetchone()[0] == 0:
                break
            time.sleep(0.02)
    conn.close()


@pytest.fixture
def pg_clean():
    """Fresh tables before, no leaked backends after."""
    reset_schema()
    yield
    gc.collect()
    terminate_shop_backends()


@pytest.fixture
def model_dir(tmp_path, monkeypatch):
    """An empty ``ml_models/`` directory, as on a fresh checkout where the models were not pulled."""
    d = tmp_path / "ml_models"
    d.mkdir()
    monkeypatch.setenv("MODEL_DIR", str(d))
    return d
