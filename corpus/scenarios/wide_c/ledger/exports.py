"""Nightly ledger export: writes a CSV and a manifest with the generation time."""

from __future__ import annotations

import csv
import os
from datetime import datetime, timezone
from pathlib import Path


def export_ledger(directory: Path, rows: list[dict]) -> dict:
    path = directory / "ledger.csv"
    with path.open("w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["account", "amount_cents"])
        writer.writeheader()
        writer.writerows(rows)
    return {"path": str(path), "generated_at": datetime.now(timezone.utc), "rows": len(rows)}


def file_age_seconds(manifest: dict) -> float:
    mtime = datetime.fromtimestamp(os.stat(manifest["path"]).st_mtime, timezone.utc)
    return abs((mtime - manifest["generated_at"]).total_seconds())


def settlement_mode() -> str:
    return os.environ.get("SETTLEMENT_MODE", "live")


def batch_name(day: datetime) -> str:
    return f"ledger-{day:%Y-%m-%d}-{day.isocalendar().week:02d}"
