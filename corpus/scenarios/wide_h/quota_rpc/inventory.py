"""Inventory reservation service spoken over gRPC (JSON-encoded messages), server and client stub."""

from __future__ import annotations

import json
from collections import Counter
from concurrent import futures

import grpc

INVENTORY_PORT = 48005
CALLS_PER_TENANT = 3
_calls: Counter[str] = Counter()
_server: grpc.Server | None = None


def _encode(obj) -> bytes:
    return json.dumps(obj).encode()


def _decode(data: bytes):
    return json.loads(data)


def _reserve(request: dict, context: grpc.ServicerContext) -> dict:
    tenant = dict(context.invocation_metadata()).get("x-tenant", "default")
    if tenant == "guest":
        context.abort(grpc.StatusCode.PERMISSION_DENIED, "tenant 'guest' may not reserve stock")
    _calls[tenant] += 1
    if _calls[tenant] > CALLS_PER_TENANT:
        context.set_trailing_metadata((("retry-after", "60"),))
        context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, f"Quota exceeded for quota metric 'reservations' of tenant '{tenant}': {CALLS_PER_TENANT} per minute")
    if request["sku"].startswith("GONE-"):
        context.abort(grpc.StatusCode.NOT_FOUND, f"sku {request['sku']} not found")
    return {"sku": request["sku"], "reserved": request["qty"], "hold_id": f"H-{_calls[tenant]:03d}"}


def start_server() -> str:
    global _server
    if _server is None:
        _server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
        handler = grpc.method_handlers_generic_handler(
            "inventory.v1.Reservations",
            {"Reserve": grpc.unary_unary_rpc_method_handler(_reserve, request_deserializer=_decode, response_serializer=_encode)},
        )
        _server.add_generic_rpc_handlers((handler,))
        _server.add_insecure_port(f"127.0.0.1:{INVENTORY_PORT}")
        _server.start()
    return f"127.0.0.1:{INVENTORY_PORT}"


class ReservationClient:
    def __init__(self, target: str, tenant: str = "storefront") -> None:
        self.channel = grpc.insecure_channel(target)
        self.tenant = tenant
        self._reserve = self.channel.unary_unary("/inventory.v1.Reservations/Reserve", request_serializer=_encode, response_deserializer=_decode)

    def reserve(self, sku: str, qty: int = 1) -> dict:
        return self._reserve({"sku": sku, "qty": qty}, metadata=(("x-tenant", self.tenant),), timeout=2)

    def close(self) -> None:
        self.channel.close()


async def reserve_async(target: str, sku: str, qty: int = 1, tenant: str = "storefront") -> dict:
    async with grpc.aio.insecure_channel(target) as channel:
        call = channel.unary_unary("/inventory.v1.Reservations/Reserve", request_serializer=_encode, response_deserializer=_decode)
        return await call({"sku": sku, "qty": qty}, metadata=(("x-tenant", tenant),), timeout=2)
