"""Writes each depot's scanner configuration as TOML and prints the nightly summary table (rich)."""

from __future__ import annotations

from datetime import time
from decimal import Decimal
from pathlib import Path

import tomli_w
from rich.console import Console
from rich.table import Table


def write_config(path: Path, config: dict) -> None:
    path.write_bytes(tomli_w.dumps(config).encode())


def summary_table(rows: list[tuple[str, int, int]], width: int = 60) -> str:
    table = Table(title="Depot summary")
    table.add_column("Depot")
    table.add_column("Delivered", justify="right")
    table.add_column("Failed", justify="right")
    for depot, ok, failed in rows:
        table.add_row(depot, str(ok), str(failed))
    console = Console(width=width, record=True, color_system=None, file=open("/dev/null", "w"))
    console.print(table)
    return console.export_text()
