"""JSON Schema contracts for the events the checkout service publishes, and locale-aware parsing of partner numbers."""

from __future__ import annotations

import locale
from datetime import datetime
from decimal import Decimal

import jsonschema
from jsonschema import Draft202012Validator

ORDER_PLACED = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["order_id", "total", "currency", "items"],
    "properties": {
        "order_id": {"type": "string", "pattern": "^ORD-[0-9]{6}$"},
        "total": {"type": "number", "minimum": 0},
        "currency": {"enum": ["EUR", "USD", "GBP"]},
        "items": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/item"}},
    },
    "additionalProperties": False,
    "$defs": {"item": {"type": "object", "required": ["sku", "qty"], "properties": {"qty": {"type": "integer", "minimum": 1}}}},
}


def validate_event(event: dict) -> None:
    jsonschema.validate(event, ORDER_PLACED)


def event_errors(event: dict) -> list[str]:
    return sorted(e.message for e in Draft202012Validator(ORDER_PLACED).iter_errors(event))


def parse_partner_price(text: str) -> float:
    return float(text.replace("€", "").strip())


def parse_partner_decimal(text: str) -> Decimal:
    return Decimal(text.strip())


def use_french_locale() -> None:
    locale.setlocale(locale.LC_ALL, "fr_FR.UTF-8")


def parse_french_date(text: str) -> datetime:
    return datetime.strptime(text, "%d %B %Y")
