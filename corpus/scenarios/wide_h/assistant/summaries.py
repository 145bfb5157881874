"""Support-ticket summaries produced by the LLM provider, and a stand-in for its Messages API."""

from __future__ import annotations

import json
from collections import Counter

import anthropic

from ..stub_http import serve

LLM_PORT = 48003
REQUESTS_PER_KEY = 2
_requests: Counter[str] = Counter()


def _route(method: str, path: str, body: bytes, headers):
    key = headers.get("x-api-key") or headers.get("Authorization", "").removeprefix("Bearer ")
    payload = json.loads(body or b"{}")
    if key == "sk-ant-support-ro":
        return 403, {}, {"type": "error", "error": {"type": "permission_error", "message": "Your API key does not have permission to use the specified resource."}}
    if payload.get("model") == "support-summarizer-v0":
        return 404, {}, {"type": "error", "error": {"type": "not_found_error", "message": "model: support-summarizer-v0"}}
    _requests[key] += 1
    if _requests[key] > REQUESTS_PER_KEY:
        headers = {"retry-after": "20", "anthropic-ratelimit-requests-limit": str(REQUESTS_PER_KEY), "anthropic-ratelimit-requests-remaining": "0"}
        return 429, headers, {"type": "error", "error": {"type": "rate_limit_error", "message": "Number of requests has exceeded your per-minute rate limit"}}
    text = "Customer cannot log in after password reset; escalate to identity team."
    return 200, {}, {
        "id": f"msg_{_requests[key]:04d}", "type": "message", "role": "assistant", "model": payload.get("model"),
        "content": [{"type": "text", "text": text}], "stop_reason": "end_turn", "stop_sequence": None,
        "usage": {"input_tokens": 42, "output_tokens": 14},
    }


def llm_url() -> str:
    return serve(LLM_PORT, _route)


def make_client(api_key: str = "sk-ant-support", max_retries: int = 0) -> anthropic.Anthropic:
    return anthropic.Anthropic(api_key=api_key, base_url=llm_url(), max_retries=max_retries, timeout=5)


def make_async_client(api_key: str = "sk-ant-support") -> anthropic.AsyncAnthropic:
    return anthropic.AsyncAnthropic(api_key=api_key, base_url=llm_url(), max_retries=0, timeout=5)


def summarize(client: anthropic.Anthropic, ticket: str, model: str = "support-summarizer-v2") -> str:
    msg = client.messages.create(model=model, max_tokens=200, messages=[{"role": "user", "content": f"Summarize:\n{ticket}"}])
    return msg.content[0].text


async def summarize_async(client: anthropic.AsyncAnthropic, ticket: str) -> str:
    msg = await client.messages.create(model="support-summarizer-v2", max_tokens=200, messages=[{"role": "user", "content": f"Summarize:\n{ticket}"}])
    return msg.content[0].text
