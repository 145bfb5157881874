"""Ad-hoc analytics: saved SQL reports are transpiled to the warehouse dialect, results handled with polars."""

from __future__ import annotations

import polars as pl
import sqlglot


def to_warehouse(sql: str) -> str:
    """Saved reports are written in Postgres SQL; the warehouse speaks BigQuery."""
    return sqlglot.transpile(sql, read="postgres", write="bigquery")[0]


def tables_used(sql: str) -> set[str]:
    return {t.name for t in sqlglot.parse_one(sql, read="postgres").find_all(sqlglot.exp.Table)}


def delivery_rates(rows: list[dict]) -> pl.DataFrame:
    df = pl.DataFrame(rows, schema={"depot": pl.String, "delivered": pl.Int64, "attempted": pl.Int64}, strict=True)
    return df.with_columns((pl.col("delivered") / pl.col("attempted")).round(3).alias("rate")).sort("depot")


def late_by_depot(df: pl.DataFrame) -> pl.DataFrame:
    return df.group_by("depot").agg(pl.col("minutes_late").mean().alias("avg_late")).sort("depot")


def merge_targets(rates: pl.DataFrame, targets: pl.DataFrame) -> pl.DataFrame:
    return rates.join(targets, on="depot", how="inner")
