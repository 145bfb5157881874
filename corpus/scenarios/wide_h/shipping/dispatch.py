"""Parcel dispatch on PostgreSQL through the Django ORM."""

from __future__ import annotations

from django.db import connection, connections, transaction

from .models import Parcel, Route


def create_schema() -> None:
    with connection.schema_editor() as editor:
        for model in (Parcel, Route):
            editor.execute(f"DROP TABLE IF EXISTS {model._meta.db_table} CASCADE")
            editor.create_model(model)
    Parcel.objects.bulk_create([Parcel(tracking_code=f"TRK-{i:03d}", weight_grams=100 * i) for i in range(1, 6)])
    Route.objects.bulk_create([Route(name="north", capacity=4), Route(name="south", capacity=6)])


def worker_connection():
    """A separate database connection, as a dispatch worker process would hold."""
    conn = connections.create_connection("default")
    conn.ensure_connection()
    return conn


def mark_dispatched(tracking_code: str) -> Parcel:
    with transaction.atomic():
        parcel = Parcel.objects.select_for_update(nowait=True).get(tracking_code=tracking_code)
        parcel.status = "dispatched"
        parcel.save(update_fields=["status"])
    return parcel


def reweigh(tracking_code: str, grams: int) -> int:
    with transaction.atomic():
        with connection.cursor() as cur:
            cur.execute("SET LOCAL lock_timeout = '500ms'")
        return Parcel.objects.filter(tracking_code=tracking_code).update(weight_grams=grams)
