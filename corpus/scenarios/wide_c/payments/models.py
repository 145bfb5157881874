"""Typed views of the payment provider's API objects (API version 2024-06-20)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict


class Card(BaseModel):
    brand: str
    last4: str
    exp_month: int
    exp_year: int


class PaymentMethodDetails(BaseModel):
    type: Literal["card", "sepa_debit", "ideal"]
    card: Card | None = None


class Charge(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str
    object: Literal["charge"]
    amount: int
    amount_captured: int
    currency: str
    status: Literal["succeeded", "pending", "failed"]
    payment_method: str
    payment_method_details: PaymentMethodDetails
    refunded: bool


class Refund(BaseModel):
    id: str
    object: Literal["refund"]
    amount: int
    charge: str
    status: Literal["pending", "requires_action", "succeeded", "failed", "canceled"]


class Customer(BaseModel):
    id: str
    email: str | None
    invoice_settings: dict
    metadata: dict[str, str]


def receipt_line(charge: Charge) -> str:
    card = charge.payment_method_details.card
    return f"{card.brand.title()} •••• {card.last4}: {charge.amount / 100:.2f} {charge.currency.upper()}"
