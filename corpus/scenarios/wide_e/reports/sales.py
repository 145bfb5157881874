"""Sales reporting: SQL for humans (records) against the CRM PostgreSQL, one Database per report."""

from __future__ import annotations

import records

from ..conftest import PG_HOST, PG_PORT

URL = f"postgresql+psycopg2://crm:crm@{PG_HOST}:{PG_PORT}/crm"

db = records.Database(URL)

SETUP = """
DROP TABLE IF EXISTS sales;
CREATE TABLE sales (id serial PRIMARY KEY, region text NOT NULL, rep text NOT NULL, amount_cents int NOT NULL);
INSERT INTO sales (region, rep, amount_cents) VALUES ('emea', 'lena', 1200), ('emea', 'marco', 800),
 ('apac', 'kai', 1500), ('amer', 'sam', 700);
"""


def shutdown() -> None:
    db.close()


def region_total(region: str) -> int:
    return db.query("SELECT SUM(amount_cents) AS t FROM sales WHERE region = :r", r=region).first().t


def per_region_breakdown(regions: list[str]) -> dict[str, int]:
    out = {}
    for region in regions:
        regional = records.Database(URL)  # each region's report gets its own handle
        _HANDLES.append(regional)
        conn = regional.get_connection()
        out[region] = conn.query("SELECT COALESCE(SUM(amount_cents), 0) AS t FROM sales WHERE region = :r", r=region).first().t
        _CONNECTIONS.append(conn)
    return out


def top_reps(limit: int) -> list[str]:
    rows = db.query("SELECT rep FROM sales ORDER BY amount_cents DESC FETCH FIRST :n ROW", n=limit)
    return [r.rep for r in rows]


def correct_amount(sale_id: int, amount_cents: int) -> None:
    with db.transaction() as tx:
        tx.query("SET LOCAL lock_timeout = '400ms'")
        tx.query("UPDATE sales SET amount_cents = :a WHERE id = :i", a=amount_cents, i=sale_id)


_HANDLES: list = []
_CONNECTIONS: list = []
