"""Payment gateway adapter and the checkout service that uses it."""

from __future__ import annotations

import uuid


class GatewayClient:
    """Thin wrapper over the PSP's SDK (v5: idempotency keys are mandatory, captures are explicit)."""

    def authorize(self, amount_cents: int, currency: str, *, idempotency_key: str) -> dict:
        raise NotImplementedError("network call")

    def capture_authorization(self, authorization_id: str, amount_cents: int | None = None) -> dict:
        raise NotImplementedError("network call")

    def void(self, authorization_id: str, reason: str) -> dict:
        raise NotImplementedError("network call")


class AsyncLedgerClient:
    async def post_entry(self, account: str, amount_cents: int) -> dict:
        raise NotImplementedError("network call")

    def entry_url(self, entry_id: str) -> str:
        return f"https://ledger.internal/entries/{entry_id}"


class CheckoutService:
    def __init__(self, gateway: GatewayClient) -> None:
        self.gateway = gateway

    def pay(self, amount_cents: int, currency: str) -> str:
        auth = self.gateway.authorize(amount_cents, currency, idempotency_key=str(uuid.uuid4()))
        capture = self.gateway.capture_authorization(auth["authorization_id"])
        return capture["status"]

    def cancel(self, authorization_id: str) -> bool:
        return self.gateway.void(authorization_id, reason="requested_by_customer")["voided"]

    def split(self, amount_cents: int, parts: int) -> list[int]:
        share = amount_cents // parts
        return [share] * parts


class BookkeepingService:
    def __init__(self, ledger: AsyncLedgerClient) -> None:
        self.ledger = ledger

    async def book_sale(self, amount_cents: int) -> str:
        entry = await self.ledger.post_entry("sales", amount_cents)
        return self.ledger.entry_url(entry["id"])

    async def book_refund(self, amount_cents: int) -> str:
        entry = await self.ledger.post_entry("refunds", -amount_cents)
        return entry["id"]
