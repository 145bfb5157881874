"""Back-room stock counts kept in a SQLite file through `dataset`."""

from __future__ import annotations

import dataset


def open_db(path: str) -> dataset.Database:
    return dataset.connect(f"sqlite:///{path}", engine_kwargs={"connect_args": {"timeout": 0.3}})


def seed(db: dataset.Database) -> None:
    db["counts"].insert_many([{"sku": "KETTLE", "qty": 7}, {"sku": "MUG", "qty": 40}])


def adjust(db: dataset.Database, sku: str, qty: int) -> None:
    db["counts"].upsert({"sku": sku, "qty": qty}, ["sku"])


def qty(db: dataset.Database, sku: str) -> int:
    return db["counts"].find_one(sku=sku)["qty"]


def shelf_label(db: dataset.Database, sku: str) -> str:
    row = db["counts"].find_one(sku=sku)
    return f"{row['sku']}: {row['quantity']}"
