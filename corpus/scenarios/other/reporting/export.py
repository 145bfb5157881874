"""Monthly report generation: reads fixtures/data files, writes CSV/Markdown reports."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pandas as pd

HERE = Path(__file__).parent
DATA = HERE / "data"


def load_rates(path: Path = DATA / "exchange_rates.csv") -> dict[str, float]:
    with path.open(newline="") as fh:
        return {row["currency"]: float(row["rate"]) for row in csv.DictReader(fh)}


def load_budget(path: Path) -> pd.DataFrame:
    return pd.read_csv(path)


def load_headcount(path: Path) -> int:
    wb = openpyxl.load_workbook(path, read_only=True)
    return wb.active.max_row - 1


def write_report(out_dir: Path, name: str, rows: list[dict[str, object]]) -> Path:
    path = out_dir / name
    with path.open("w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def render_summary(rows: list[dict[str, object]]) -> str:
    lines = ["| region | revenue |", "|---|---|"]
    lines += [f"| {r['region']} | {r['revenue']:,.2f} |" for r in rows]
    return "\n".join(lines) + "\n"
