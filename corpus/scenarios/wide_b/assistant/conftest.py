"""A local stand-in for the OpenAI API that enforces the organisation's requests-per-minute limit, like the real one."""

from __future__ import annotations

import json
import time

import openai
import pytest
from werkzeug import Request, Response

ORG_RPM = {"limit": 4, "used": 0}


def _completion(content: str) -> dict:
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": "gpt-4o-mini",
        "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": content}}],
        "usage": {"prompt_tokens": 20, "completion_tokens": 5, "total_tokens": 25},
    }


def fake_openai(request: Request) -> Response:
    if ORG_RPM["used"] >= ORG_RPM["limit"]:
        body = {
            "error": {
                "message": (
                    f"Rate limit reached for gpt-4o-mini in organization org-parcelly on requests per min (RPM): "
                    f"Limit {ORG_RPM['limit']}, Used {ORG_RPM['used']}, Requested 1. Please try again in 15s."
                ),
                "type": "requests",
                "param": None,
                "code": "rate_limit_exceeded",
            }
        }
        headers = {"retry-after-ms": "5", "x-ratelimit-limit-requests": str(ORG_RPM["limit"]), "x-ratelimit-remaining-requests": "0"}
        return Response(json.dumps(body), status=429, headers=headers, content_type="application/json")
    ORG_RPM["used"] += 1
    prompt = request.get_json()["messages"][-1]["content"]
    content = "urgent" if "Answer low" in prompt else "Customer asks where the parcel is."
    headers = {"x-ratelimit-remaining-requests": str(ORG_RPM["limit"] - ORG_RPM["used"])}
    return Response(json.dumps(_completion(content)), status=200, headers=headers, content_type="application/json")


@pytest.fixture
def openai_base_url(httpserver):
    httpserver.expect_request("/v1/chat/completions", method="POST").respond_with_handler(fake_openai)
    return httpserver.url_for("/v1")


@pytest.fixture
def openai_client(openai_base_url):
    return openai.OpenAI(api_key="sk-test", base_url=openai_base_url, max_retries=2)


@pytest.fixture
def async_openai_client(openai_base_url):
    return openai.AsyncOpenAI(api_key="sk-test", base_url=openai_base_url, max_retries=1)
