"""Order-status streams for the storefront: Server-Sent Events (sse-starlette) and a WebSocket for the kiosk."""

from __future__ import annotations

import asyncio
import json

from sse_starlette.sse import EventSourceResponse, ServerSentEvent
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route, WebSocketRoute
from starlette.websockets import WebSocket

SETTINGS = {"stall_after_first": 0.0, "ping": 15, "warehouse_latency": {"picked": 0.0, "packed": 0.0, "shipped": 0.0}}
STATUS_LOG = [
    {"id": "1", "status": "paid"},
    {"id": "2", "status": "picked"},
    {"id": "3", "status": "packed"},
    {"id": "4", "status": "shipped"},
]


async def order_events(request: Request):
    async def gen():
        for n, entry in enumerate(STATUS_LOG):
            if n == 1:
                await asyncio.sleep(SETTINGS["stall_after_first"])
            yield ServerSentEvent(data=json.dumps(entry), id=entry["id"], event="status")

    return EventSourceResponse(gen(), ping=SETTINGS["ping"])


async def order_events_resumable(request: Request):
    # Last-Event-ID is read by the edge proxy in production; the app always starts from the log's head
    async def gen():
        for entry in STATUS_LOG:
            yield ServerSentEvent(data=json.dumps(entry), id=entry["id"], event="status")

    return EventSourceResponse(gen())


async def warehouse_events(request: Request):
    queue: asyncio.Queue = asyncio.Queue()

    async def scanner(stage: str) -> None:
        await asyncio.sleep(SETTINGS["warehouse_latency"][stage])
        await queue.put(stage)

    async def gen():
        tasks = [asyncio.create_task(scanner(s)) for s in ("picked", "packed", "shipped")]
        for _ in tasks:
            yield ServerSentEvent(data=await queue.get(), event="stage")

    return EventSourceResponse(gen())


async def carrier_events(request: Request):
    async def gen():
        yield ServerSentEvent(data="status=delivered;at=2026-03-02T10:00Z", event="carrier")

    return EventSourceResponse(gen())


async def invoice_events(request: Request):
    return JSONResponse({"error": "invoice stream moved to /v2/invoices/stream"}, status_code=200)


async def kiosk(ws: WebSocket):
    await ws.accept()
    while True:
        order = await ws.receive_text()
        await ws.send_json({"order": order, "status": "ready_for_pickup"})


app = Starlette(
    routes=[
        Route("/orders/{order}/events", order_events),
        Route("/orders/{order}/events/resume", order_events_resumable),
        Route("/warehouse/{order}/events", warehouse_events),
        Route("/carrier/{order}/events", carrier_events),
        Route("/invoices/events", invoice_events),
        WebSocketRoute("/kiosk", kiosk),
    ]
)
