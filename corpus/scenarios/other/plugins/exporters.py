"""Pluggable exporters and the domain objects they serialise."""

from __future__ import annotations

import importlib
import warnings
from dataclasses import dataclass, field
from typing import NamedTuple

import attrs
import pandas as pd


class ExportError(RuntimeError):
    pass


def load_exporter(name: str):
    return importlib.import_module(f"inventory_exporters.{name}")


def export_parquet(df: pd.DataFrame, path) -> None:
    df.to_parquet(path)


def export_to_s3(df: pd.DataFrame, bucket: str) -> str:
    try:
        import boto3  # optional: pip install inventory[s3]
    except ImportError as exc:
        raise ExportError("S3 export needs the 's3' extra") from exc
    client = boto3.client("s3")
    client.put_object(Bucket=bucket, Key="stock.csv", Body=df.to_csv())
    return f"s3://{bucket}/stock.csv"


def read_legacy_excel(path) -> pd.DataFrame:
    return pd.read_excel(path, engine="xlrd")


def plot_stock_levels(df: pd.DataFrame):
    return df.plot(x="sku", y="qty", kind="bar")


@dataclass
class Warehouse:
    code: str
    city: str
    capacity: int
    tags: list[str] = field(default_factory=list)


@attrs.define
class Shipment:
    reference: str
    origin: Warehouse
    weight_kg: float = attrs.field(validator=attrs.validators.gt(0))
    carrier: str = "dhl"


class Dimensions(NamedTuple):
    length_cm: float
    width_cm: float
    height_cm: float


def warehouse_from_row(row: dict) -> Warehouse:
    return Warehouse(**row)


def legacy_volume(d: Dimensions) -> float:
    warnings.warn("legacy_volume() is deprecated, use Dimensions.volume_m3()", DeprecationWarning, stacklevel=2)
    return d.length_cm * d.width_cm * d.height_cm


def chargeable_weight(weight_kg: float, d: Dimensions) -> float:
    return max(weight_kg, legacy_volume(d) / 5000)
