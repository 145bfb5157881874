"""Storefront models through the Django ORM (SQLite for the catalogue, PostgreSQL for the wallets ledger)."""

from __future__ import annotations

import sqlite3
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import pytest
from django.db import connection, connections, transaction

from wide_a.storefront.models import Product, Wallet

known_failure = lambda shape, cause: pytest.mark.failure(category="3", library="django", dist="Django", shape=shape, cause=cause)  # noqa: E731


@pytest.fixture
def catalogue():
    with connection.schema_editor() as editor:
        editor.create_model(Product)
    Product.objects.create(sku="WIDGET", name="Widget", price_cents=999)
    yield
    connection.close()
    with connection.schema_editor() as editor:
        editor.delete_model(Product)
    connection.close()


@pytest.fixture
def import_job_holds_catalogue(catalogue):
    """The supplier feed import writes the catalogue in one long transaction (a separate process in prod)."""
    raw = sqlite3.connect(connection.settings_dict["NAME"], timeout=0.1, isolation_level=None)
    raw.execute("BEGIN IMMEDIATE")
    raw.execute("UPDATE storefront_product SET price_cents = 1099")
    yield raw
    raw.execute("ROLLBACK")
    raw.close()


def test_product_lookup_by_sku(catalogue):
    assert Product.objects.get(sku="WIDGET").price_cents == 999


@known_failure("raised", "database-is-locked")
def test_admin_edits_price_during_import(import_job_holds_catalogue):
    p = Product.objects.get(sku="WIDGET")
    p.price_cents = 899
    p.save()


@known_failure("raised", "database-is-locked")
def test_add_product_during_import(import_job_holds_catalogue):
    with transaction.atomic():
        Product.objects.create(sku="GADGET", name="Gadget", price_cents=1999)


@pytest.fixture
def ledger(pg_clean):
    yield
    connections["ledger"].close()


@known_failure("raised", "too-many-clients")
def test_wallet_balances_from_request_threads(ledger):
    def handle_request(wallet_id):
        # request_finished would close the connection; the worker thread pool never sends it
        w = Wallet.objects.using("ledger").get(id=wallet_id % 3 + 1)
        time.sleep(0.5)  # template rendering
        return w.balance

    with ThreadPoolExecutor(max_workers=10) as ex:
        balances = list(ex.map(handle_request, range(10)))
    assert len(balances) == 10


@pytest.fixture
def wallet_locked_by_payout(ledger):
    import psycopg2

    from wide_a.conftest import SHOP_DSN

    holder = psycopg2.connect(SHOP_DSN, application_name="payout")
    holder.cursor().execute("SELECT * FROM wallets WHERE id = 1 FOR UPDATE")
    yield
    holder.rollback()
    holder.close()


@known_failure("raised", "lock-not-available-nowait")
def test_top_up_during_payout(wallet_locked_by_payout):
    with transaction.atomic(using="ledger"):
        w = Wallet.objects.using("ledger").select_for_update(nowait=True).get(id=1)
        w.balance += Decimal("5")
        w.save(using="ledger")


@known_failure("raised", "deadlock")
def test_gift_transfers_between_wallets(ledger):
    barrier = threading.Barrier(2, timeout=5)

    def gift(src, dst):
        try:
            with transaction.atomic(using="ledger"):
                a = Wallet.objects.using("ledger").select_for_update().get(id=src)
                barrier.wait()
                b = Wallet.objects.using("ledger").select_for_update().get(id=dst)
                a.balance -= 1
                b.balance += 1
                a.save(using="ledger")
                b.save(using="ledger")
        finally:
            connections["ledger"].close()

    with ThreadPoolExecutor(max_workers=2) as ex:
        for f in [ex.submit(gift, 1, 2), ex.submit(gift, 2, 1)]:
            f.result()
