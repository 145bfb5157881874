"""Public API gateway: search and export endpoints with per-client limits, outbound SMS/email senders."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
import time

import backoff
import httpx
from asyncio_throttle import Throttler
from fastapi import FastAPI, Request, Response
from limits import parse
from limits.storage import MemoryStorage
from limits.strategies import FixedWindowRateLimiter, MovingWindowRateLimiter
from litestar import Litestar, post
from litestar.middleware.rate_limit import RateLimitConfig
from pyrate_limiter import Duration, InMemoryBucket, Limiter as BucketLimiter, Rate
from slowapi import Limiter, _rate_limit_exceeded_handler
from slowapi.errors import RateLimitExceeded
from slowapi.util import get_remote_address
from tenacity import retry, retry_if_result, stop_after_attempt, wait_fixed, RetryError

# ---- FastAPI + slowapi ------------------------------------------------------------------------------------------

limiter = Limiter(key_func=get_remote_address, headers_enabled=True)
app = FastAPI()
app.state.limiter = limiter
app.add_exception_handler(RateLimitExceeded, _rate_limit_exceeded_handler)


@app.get("/search")
@limiter.limit("5/minute")
async def search(request: Request, response: Response, q: str = ""):
    return {"q": q, "hits": [f"{q}-{i}" for i in range(2)]}


@app.get("/export")
@limiter.limit("3/minute")
async def export(request: Request, response: Response):
    return {"rows": 3}


# ---- outbound SMS sender (limits) -------------------------------------------------------------------------------

_storage = MemoryStorage()
_sms_window = MovingWindowRateLimiter(_storage)
SMS_RATE = parse("20/minute")


@dataclass
class SmsSender:
    sent: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)

    def send(self, number: str, text: str) -> bool:
        if not _sms_window.hit(SMS_RATE, "sms", "tenant-1"):
            self.dropped.append(number)
            return False
        self.sent.append(number)
        return True


_login_limiter = FixedWindowRateLimiter(_storage)
LOGIN_RATE = parse("3/minute")


def login_allowed(username: str, ip: str) -> bool:
    return _login_limiter.hit(LOGIN_RATE, "login", ip)


# ---- email sender (pyrate-limiter token bucket) -----------------------------------------------------------------

mail_limiter = BucketLimiter(InMemoryBucket([Rate(10, Duration.SECOND)]))


def send_campaign(addresses: list[str]) -> list[str]:
    sent = []
    for addr in addresses:
        if mail_limiter.try_acquire("campaign", blocking=False):
            sent.append(addr)
    return sent


# ---- webhook fan-out (asyncio-throttle) -------------------------------------------------------------------------

throttler = Throttler(rate_limit=5, period=0.5)


async def deliver_webhooks(urls: list[str]) -> list[str]:
    delivered = []

    async def one(url):
        async with throttler:
            await asyncio.sleep(0)
            delivered.append(url)

    await asyncio.gather(*(one(u) for u in urls))
    return delivered


# ---- partner client with retries (tenacity / backoff) against a partner that answers 429 ------------------------

def partner_transport(limit: int, retry_after: int = 2):
    window = {"count": 0}

    def handler(request: httpx.Request) -> httpx.Response:
        window["count"] += 1
        if window["count"] > limit:
            return httpx.Response(429, headers={"Retry-After": str(retry_after)}, json={"error": "rate_limited"})
        return httpx.Response(200, json={"ok": True, "n": window["count"]})

    return httpx.MockTransport(handler)


@retry(stop=stop_after_attempt(3), wait=wait_fixed(0.01), retry=retry_if_result(lambda r: r.status_code == 429))
def _post_order(client: httpx.Client, order: dict) -> httpx.Response:
    return client.post("https://partner.example/orders", json=order)


def post_order(client: httpx.Client, order: dict) -> httpx.Response:
    try:
        return _post_order(client, order)
    except RetryError as exc:
        return exc.last_attempt.result()


@backoff.on_predicate(backoff.constant, lambda r: r.status_code == 429, max_tries=3, interval=0.01, jitter=None)
def fetch_inventory(client: httpx.Client, sku: str) -> httpx.Response:
    return client.get(f"https://partner.example/inventory/{sku}")


def fetch_with_retry_after(client: httpx.Client, url: str, max_wait: float = 0.5) -> httpx.Response:
    resp = client.get(url)
    if resp.status_code == 429:
        time.sleep(min(float(resp.headers.get("Retry-After", 1)), max_wait))
        resp = client.get(url)
    return resp


# ---- Litestar booking service -----------------------------------------------------------------------------------

@post("/bookings")
async def create_booking(data: dict) -> dict:
    return {"booked": data["slot"]}


booking_app = Litestar([create_booking], middleware=[RateLimitConfig(rate_limit=("minute", 4)).middleware])
