"""Refunds for lost parcels: Stripe refunds, a GitHub issue for the ops team, and an AI-written apology."""

from __future__ import annotations

import openai
import stripe
from github import Github


def refund_lost_parcel(client: stripe.StripeClient, payment_intent: str, amount_pence: int) -> str:
    refund = client.v1.refunds.create(payment_intent=payment_intent, amount=amount_pence, reason="requested_by_customer")
    return refund.status


def open_ops_ticket(gh: Github, parcel_id: str) -> int:
    repo = gh.get_repo("parcelly/ops")
    issue = repo.create_issue(title=f"Lost parcel {parcel_id}", labels=["lost-parcel"], assignee="oncall")
    return issue.number


def apology(client: openai.OpenAI, customer: str) -> str:
    completion = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": f"Apologise to {customer}"}])
    return completion.choices[0].message.content
