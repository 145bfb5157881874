"""Monthly sales exports: CSV for accounting, JSON for the dashboard, localised figures for the PDF."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

from babel.numbers import format_currency, format_decimal, parse_decimal


def sales_csv(rows: list[dict[str, object]]) -> str:
    """CSV with a header row, columns in the order of the first row, Unix line endings."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def region_totals_json(totals: dict[str, Decimal]) -> str:
    return json.dumps({region: str(amount) for region, amount in totals.items()}, indent=2)


def share_label(share_percent: float) -> str:
    """'42.5%' for a share given in percent."""
    return f"{share_percent:.1%}"


def revenue_label(amount: Decimal, locale: str) -> str:
    return format_currency(amount, "EUR", locale="en_US")


def units_label(count: float, locale: str) -> str:
    return format_decimal(count, locale="en_US")


def parse_amount(text: str, locale: str) -> Decimal:
    """Amounts typed by the regional offices, in their own locale."""
    return parse_decimal(text, locale="en_US")
