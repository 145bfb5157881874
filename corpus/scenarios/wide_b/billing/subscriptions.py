"""Keeps our plan catalogue and customer subscriptions in sync with Stripe."""

from __future__ import annotations

import stripe


class BillingSync:
    def __init__(self, client: stripe.StripeClient) -> None:
        self.client = client

    def ensure_customer(self, email: str) -> str:
        customer = self.client.v1.customers.create(params={"email": email})
        return customer.id

    def subscribe(self, customer_id: str, price_id: str) -> str:
        sub = self.client.v1.subscriptions.create(params={"customer": customer_id, "items": [{"price": price_id}]})
        return sub.status

    def sync_customers(self, emails: list[str]) -> dict[str, str]:
        return {email: self.ensure_customer(email) for email in emails}
