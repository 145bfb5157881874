"""Push notifications through the mobile push gateway (FCM-style HTTP v1 API)."""

from __future__ import annotations

import requests

PUSH_API = "https://push.gateway.example/v1/projects/parcelly/messages:send"
TOPICS_API = "https://push.gateway.example/v1/projects/parcelly/topics"


def push(token: str, title: str, body: str) -> str:
    resp = requests.post(PUSH_API, json={"message": {"token": token, "notification": {"title": title, "body": body}}}, timeout=3)
    resp.raise_for_status()
    return resp.json()["name"]


def subscribe(token: str, topic: str) -> bool:
    resp = requests.post(f"{TOPICS_API}/{topic}:subscribe", json={"token": token}, timeout=3)
    resp.raise_for_status()
    return resp.json().get("success", False)
