"""Provider payloads recorded for the test suite (captured from the sandbox in 2021, API version 2019-02-19)."""

CHARGE_SUCCEEDED = {
    "id": "ch_3MmlLrLkdIwHu7ix0snN0B15",
    "object": "charge",
    "amount": 2599,
    "currency": "eur",
    "status": "paid",
    "source": {"object": "card", "brand": "Visa", "last4": "4242", "exp_month": 8, "exp_year": 2026},
    "refunded": False,
}

CHARGE_SEPA = {
    "id": "ch_3MmlLrLkdIwHu7ix0snN0B16",
    "object": "charge",
    "amount": 12000,
    "amount_captured": 12000,
    "currency": "eur",
    "status": "succeeded",
    "payment_method": "pm_1Mmn0gLkdIwHu7ixsepa",
    "payment_method_details": {"type": "sepa_debit", "sepa_debit": {"last4": "3000"}},
    "refunded": False,
}

REFUND = {"id": "re_1Nispe2eZvKYlo2Cd31jOCgZ", "object": "refund", "amount": 1000, "charge": "ch_3MmlLrLkdIwHu7ix0snN0B15", "status": "pending"}

REFUND_LEGACY = {"id": "re_1Nispe2eZvKYlo2Cd31jOCgY", "object": "refund", "amount": "10.00", "charge": {"id": "ch_3MmlLrLkdIwHu7ix0snN0B15"}, "status": "succeeded"}

CUSTOMER = {"id": "cus_NffrFeUfNV2Hib", "email": "ada@example.com", "default_source": "card_1MvoiELkdIwHu7ixOeFh0ax5", "metadata": {}}

WEBHOOK_CHARGE_REFUNDED = {
    "id": "evt_1NG8Du2eZvKYlo2CUI79vXWy",
    "object": "event",
    "type": "charge.refunded",
    "api_version": "2019-02-19",
    "created": 1686089970,
    "data": {"object": {"id": "ch_3MmlLrLkdIwHu7ix0snN0B15", "object": "charge", "amount_refunded": 2599, "refunded": True}},
}
