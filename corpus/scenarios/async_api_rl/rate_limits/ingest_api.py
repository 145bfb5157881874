"""Starlette ingest service with a home-grown per-client sliding-window middleware."""

from __future__ import annotations

import time
from collections import defaultdict, deque

from starlette.applications import Starlette
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

WINDOW_SECONDS = 60
MAX_REQUESTS = 4
_hits: dict[str, deque] = defaultdict(deque)  # process-wide; survives across app instances


class SlidingWindowMiddleware(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next):
        client = request.client.host if request.client else "unknown"
        now = time.monotonic()
        window = _hits[client]
        while window and now - window[0] > WINDOW_SECONDS:
            window.popleft()
        if len(window) >= MAX_REQUESTS:
            retry = int(WINDOW_SECONDS - (now - window[0])) + 1
            return JSONResponse({"detail": "Too Many Requests"}, status_code=429, headers={"Retry-After": str(retry)})
        window.append(now)
        return await call_next(request)


async def ingest(request: Request):
    payload = await request.json()
    return JSONResponse({"accepted": len(payload["events"])}, status_code=202)


async def status(request: Request):
    return JSONResponse({"queue_depth": 0})


def build_app() -> Starlette:
    app = Starlette(routes=[Route("/ingest", ingest, methods=["POST"]), Route("/status", status)])
    app.add_middleware(SlidingWindowMiddleware)
    return app
