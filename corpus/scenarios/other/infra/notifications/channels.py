"""Outgoing notifications: partner webhooks, SMTP mail, the payment provider's status API."""

from __future__ import annotations

import smtplib
from email.message import EmailMessage

import aiohttp
import httpx
import psycopg
import redis
import requests

WEBHOOK_URL = "https://hooks.partner-shop.invalid/orders"
SMTP_HOST = "smtp.mail.acme.invalid"


def post_order_webhook(order: dict, url: str = WEBHOOK_URL) -> int:
    resp = requests.post(url, json=order, timeout=2)
    return resp.status_code


def payment_status(payment_id: str) -> str:
    with httpx.Client(base_url="https://api.payments-provider.invalid", timeout=2.0) as client:
        return client.get(f"/v2/payments/{payment_id}").json()["status"]


async def refund_status(refund_id: str) -> str:
    async with httpx.AsyncClient(base_url="https://api.payments-provider.invalid", timeout=2.0) as client:
        resp = await client.get(f"/v2/refunds/{refund_id}")
        return resp.json()["status"]


async def fetch_exchange_rates() -> dict[str, float]:
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=2)) as session:
        async with session.get("https://rates.ecb-mirror.invalid/latest?base=EUR") as resp:
            return (await resp.json())["rates"]


def send_receipt(to: str, body: str, host: str = SMTP_HOST) -> None:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "shop@acme.example", to, "Your receipt"
    msg.set_content(body)
    with smtplib.SMTP(host, 587, timeout=2) as smtp:
        smtp.send_message(msg)


def session_store(url: str = "redis://sessions.cache.invalid:6379/0") -> redis.Redis:
    return redis.Redis.from_url(url, socket_connect_timeout=2)


def analytics_connection(dsn: str = "postgresql://analytics@db.analytics.invalid:5432/events") -> psycopg.Connection:
    return psycopg.connect(dsn, connect_timeout=2)
