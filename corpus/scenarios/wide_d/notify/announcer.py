"""Posts deploy announcements to Slack."""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler


def make_client(base_url: str, retry_on_limit: bool = False) -> WebClient:
    client = WebClient(token="xoxb-test-token", base_url=base_url, timeout=3)
    if retry_on_limit:
        client.retry_handlers.append(RateLimitErrorRetryHandler(max_retry_count=2))
    return client


def channel_id(client: WebClient, name: str) -> str:
    return next(c["id"] for c in client.conversations_list()["channels"] if c["name"] == name)


def announce(client: WebClient, channel: str, service: str, version: str) -> str:
    resp = client.chat_postMessage(channel=channel, text=f":rocket: {service} {version} is live")
    return resp["ts"]


def announce_batch(client: WebClient, channel: str, releases: dict[str, str]) -> list[str]:
    return [announce(client, channel, svc, ver) for svc, ver in releases.items()]


def owner_timezone(client: WebClient, user: str) -> str:
    return client.users_info(user=user)["user"]["tz"]
