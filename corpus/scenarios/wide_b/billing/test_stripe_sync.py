"""Billing sync against a local Stripe stand-in that applies Stripe's test-mode request limit per account."""

import json

import pytest
import stripe
from werkzeug import Request, Response

# test mode allows a small burst per account; the stand-in keeps the count for the whole test session like Stripe does
ACCOUNT_LIMIT = {"burst": 4, "used": 0}


def fake_stripe(request: Request) -> Response:
    if ACCOUNT_LIMIT["used"] >= ACCOUNT_LIMIT["burst"]:
        body = {
            "error": {
                "code": "rate_limit",
                "doc_url": "https://stripe.com/docs/error-codes/rate-limit",
                "message": "Request rate limit exceeded. You can learn more about rate limits here https://stripe.com/docs/rate-limits.",
                "type": "invalid_request_error",
            }
        }
        return Response(json.dumps(body), status=429, content_type="application/json", headers={"Request-Id": "req_rl"})
    ACCOUNT_LIMIT["used"] += 1
    if request.path == "/v1/customers":
        n = ACCOUNT_LIMIT["used"]
        obj = {"id": f"cus_{n:04d}", "object": "customer", "email": request.form.get("email")}
    else:
        obj = {"id": "sub_1", "object": "subscription", "status": "active", "customer": request.form.get("customer")}
    return Response(json.dumps(obj), status=200, content_type="application/json", headers={"Request-Id": "req_ok"})


@pytest.fixture
def billing(httpserver):
    from .subscriptions import BillingSync

    httpserver.expect_request("/v1/customers", method="POST").respond_with_handler(fake_stripe)
    httpserver.expect_request("/v1/subscriptions", method="POST").respond_with_handler(fake_stripe)
    base = httpserver.url_for("").rstrip("/")
    client = stripe.StripeClient("sk_test_123", base_addresses={"api": base}, max_network_retries=0)
    return BillingSync(client)


def test_new_customer_gets_id(billing):
    assert billing.ensure_customer("ana@example.com").startswith("cus_")


def test_subscription_starts_active(billing):
    customer = billing.ensure_customer("bo@example.com")
    assert billing.subscribe(customer, "price_basic_monthly") == "active"


@pytest.mark.failure(category="7", library="stripe", dist="stripe", shape="raised", cause="account-request-limit-shared-across-tests")
def test_team_plan_signup(billing):
    customer = billing.ensure_customer("cy@example.com")
    assert billing.subscribe(customer, "price_team_yearly") == "active"


@pytest.mark.failure(category="7", library="stripe", dist="stripe", shape="raised", cause="bulk-sync-exceeds-request-rate")
def test_import_customers_from_crm(billing):
    ids = billing.sync_customers([f"lead{i}@example.com" for i in range(4)])
    assert len(set(ids.values())) == 4


@pytest.mark.failure(category="7", library="stripe", dist="stripe", shape="raised", cause="account-request-limit-shared-across-tests")
def test_customer_for_invoice_reminder(billing):
    assert billing.ensure_customer("dee@example.com")
