"""Shipping-quote RPC service (grpc.aio, JSON over generic handlers) and the storefront's client for it."""

from __future__ import annotations

import asyncio
import json

import grpc

ADDRESS = "127.0.0.1:47905"
RATES = {"standard": 4.95, "express": 9.95}


class QuoteServicer:
    def __init__(self) -> None:
        self.rate_card_lock = asyncio.Lock()
        self.reload_seconds = 0.4

    async def quote(self, request: bytes, context) -> bytes:
        body = json.loads(request)
        async with self.rate_card_lock:
            price = RATES[body["service"]] * (1 + 0.1 * (body["parcels"] - 1))
        return json.dumps({"service": body["service"], "price": round(price, 2)}).encode()

    async def reload_rate_card(self, request: bytes, context) -> bytes:
        async with self.rate_card_lock:
            await asyncio.sleep(self.reload_seconds)
        return b"{}"


def build_server(servicer: QuoteServicer) -> grpc.aio.Server:
    server = grpc.aio.server()
    handler = grpc.method_handlers_generic_handler(
        "shipping.Quotes",
        {
            "Quote": grpc.unary_unary_rpc_method_handler(servicer.quote),
            "ReloadRateCard": grpc.unary_unary_rpc_method_handler(servicer.reload_rate_card),
        },
    )
    server.add_generic_rpc_handlers((handler,))
    server.add_insecure_port(ADDRESS)
    return server


_channel: grpc.aio.Channel | None = None


def channel() -> grpc.aio.Channel:
    global _channel
    if _channel is None:
        _channel = grpc.aio.insecure_channel(ADDRESS)
    return _channel


async def quote(service: str, parcels: int, ch: grpc.aio.Channel | None = None, deadline: float = 1.0) -> dict:
    call = (ch or channel()).unary_unary("/shipping.Quotes/Quote")
    return json.loads(await call(json.dumps({"service": service, "parcels": parcels}).encode(), timeout=deadline))


async def reload_rate_card(ch: grpc.aio.Channel) -> None:
    await ch.unary_unary("/shipping.Quotes/ReloadRateCard")(b"{}", timeout=2)
