"""Typed views of the partner payloads (each integration team picked its own library)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Optional

import attrs
import cattrs
import dacite
import msgspec
from marshmallow import EXCLUDE, Schema, fields, post_load
from pydantic import BaseModel


# -- payments provider (marshmallow) ------------------------------------------------------------------------------
class ChargeSchema(Schema):
    id = fields.String(required=True)
    amount_cents = fields.Integer(required=True)
    currency = fields.String(required=True)
    captured = fields.Boolean(required=True)
    created = fields.DateTime(required=True)

    @post_load
    def to_dict(self, data, **kwargs):
        return data


class RefundSchema(Schema):
    class Meta:
        unknown = EXCLUDE

    charge_id = fields.String(required=True)
    amount_cents = fields.Integer(required=True)
    reason = fields.String(required=True)


def parse_charge(payload: dict) -> dict:
    return ChargeSchema().load(payload)


def parse_refund(payload: dict) -> dict:
    return RefundSchema().load(payload)


# -- warehouse API (dacite) ---------------------------------------------------------------------------------------
@dataclass
class Bin:
    code: str
    capacity: int


@dataclass
class Pallet:
    id: str
    sku: str
    quantity: int
    bin: Bin
    expires: Optional[str] = None


def parse_pallet(payload: dict) -> Pallet:
    return dacite.from_dict(Pallet, payload, config=dacite.Config(strict=True))


# -- loyalty API (cattrs) -----------------------------------------------------------------------------------------
@attrs.define
class Points:
    member_id: str
    balance: int
    tier: str


@attrs.define
class Statement:
    member_id: str
    entries: list[int]


loyalty = cattrs.Converter(forbid_extra_keys=True)


def parse_points(payload: dict) -> Points:
    return loyalty.structure(payload, Points)


def parse_statement(payload: dict) -> Statement:
    return loyalty.structure(payload, Statement)


# -- search API (msgspec) -----------------------------------------------------------------------------------------
class Hit(msgspec.Struct):
    sku: str
    score: float


class SearchResult(msgspec.Struct):
    query: str
    total: int
    hits: list[Hit]


def parse_search(raw: bytes) -> SearchResult:
    return msgspec.json.decode(raw, type=SearchResult)


# -- reviews API (pydantic) ---------------------------------------------------------------------------------------
class Review(BaseModel):
    id: int
    rating: int
    author: str
    posted_at: datetime


def parse_review(payload: dict) -> Review:
    return Review.model_validate(payload)


# -- plain helpers ------------------------------------------------------------------------------------------------
def refund_total(refunds: list[dict]) -> int:
    return sum(r["amount_cents"] for r in refunds if r["reason"] != "fraud")


def charge_request(amount_eur: str) -> dict:
    return ChargeSchema(only=("amount_cents", "currency")).load({"amount_cents": amount_eur, "currency": "EUR"})
