from __future__ import annotations

import unittest
from decimal import Decimal

import pytest

from .exports import parse_amount, region_totals_json, revenue_label, sales_csv, share_label

ROWS = [
    {"month": "2024-01", "region": "North", "units": 120, "revenue": "1499.00"},
    {"month": "2024-01", "region": "South", "units": 87, "revenue": "1083.50"},
]


@pytest.mark.failure(category="other", library="csv", dist=None, shape="assert", cause="csv-crlf-line-endings")
def test_sales_csv_matches_accounting_format():
    assert sales_csv(ROWS) == ("month,region,units,revenue\n2024-01,North,120,1499.00\n2024-01,South,87,1083.50\n")


@pytest.mark.failure(category="other", library="csv", dist=None, shape="assert", cause="csv-crlf-line-endings")
def test_sales_csv_lines_have_no_carriage_return():
    lines = sales_csv(ROWS).split("\n")
    assert not [line for line in lines if line.endswith("\r")]


@pytest.mark.failure(category="other", library="json", dist=None, shape="assert", cause="json-ensure-ascii-escapes")
def test_region_names_readable_in_dashboard_json():
    exported = region_totals_json({"München": Decimal("1200.00"), "Zürich": Decimal("950.50")})
    assert '"München": "1200.00"' in exported


@pytest.mark.failure(category="other", library="json", dist=None, shape="assert", cause="json-ensure-ascii-escapes")
def test_dashboard_json_for_nordic_regions():
    exported = region_totals_json({"Tromsø": Decimal("310.00")})
    assert exported == '{\n  "Tromsø": "310.00"\n}'


@pytest.mark.failure(
    category="other", library="string-format", dist=None, shape="assert", cause="percent-vs-fraction-confusion"
)
def test_market_share_label():
    assert share_label(42.5) == "42.5%"


class LocalisedFiguresTests(unittest.TestCase):
    @pytest.mark.failure(category="other", library="babel", shape="assert", cause="locale-decimal-separator")
    def test_german_revenue_label(self):
        self.assertEqual(revenue_label(Decimal("1234.50"), "de_DE"), "1.234,50\xa0€")


@pytest.mark.failure(category="other", library="babel", shape="assert", cause="locale-decimal-separator")
def test_amount_typed_by_berlin_office():
    assert parse_amount("1.234,56", "de_DE") == Decimal("1234.56")
