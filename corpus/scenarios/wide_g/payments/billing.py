"""Billing service: Stripe payment intents, refunds and customer defaults (stripe-python StripeClient)."""

from __future__ import annotations

import stripe

API_KEY = "sk_test_51Acme0000000000000000000"
# CI and local runs talk to the stripe-mock container; production uses the real API host
API_BASE = "http://stripe-mock:12111"


def client(max_network_retries: int = 0) -> stripe.StripeClient:
    return stripe.StripeClient(
        API_KEY, base_addresses={"api": API_BASE}, max_network_retries=max_network_retries
    )


class Billing:
    def __init__(self, stripe_client: stripe.StripeClient | None = None) -> None:
        self.stripe = stripe_client or client()

    def receipt_url(self, intent_id: str) -> str:
        intent = self.stripe.payment_intents.retrieve(intent_id)
        charge = self.stripe.charges.retrieve(intent.latest_charge)
        return charge.receipt_url

    def amount_eur(self, intent_id: str) -> float:
        intent = self.stripe.payment_intents.retrieve(intent_id)
        return intent.amount_received / 100

    def refund(self, intent_id: str, cents: int) -> str:
        refund = self.stripe.refunds.create(
            params={"payment_intent": intent_id, "amount": cents},
            options={"idempotency_key": f"refund-{intent_id}-{cents}"},
        )
        return refund.status

    def default_card_brand(self, customer_id: str) -> str:
        customer = self.stripe.customers.retrieve(customer_id, params={"expand": ["invoice_settings.default_payment_method"]})
        return customer.invoice_settings.default_payment_method.card.brand

    def open_invoice_total(self, customer_id: str) -> int:
        invoices = self.stripe.invoices.list(params={"customer": customer_id, "status": "open"})
        return sum(inv.amount_remaining for inv in invoices.data)

    def dispute_reason(self, event_payload: str) -> str:
        event = stripe.Event.construct_from(stripe.util.json.loads(event_payload), API_KEY)
        return event.data.object.reason
