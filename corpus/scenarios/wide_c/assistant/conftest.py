"""OpenAI stand-in: canned responses saved from the legacy completions API when the feature was first built."""

from __future__ import annotations

import json

import httpx
import openai
import pytest

CANNED = {
    "/v1/chat/completions": {
        "id": "cmpl-7QmVI15qgYVllxK0FtxVGG6ywfzaq",
        "object": "text_completion",
        "model": "text-davinci-003",
        "choices": [{"text": "\n\nCustomers love the keyboard's feel.", "index": 0, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 42, "completion_tokens": 9},
    },
    "/v1/embeddings": {"object": "list", "data": [{"object": "embedding", "vector": [0.0123, -0.0456, 0.0789], "index": 0}]},
}


def openai_api(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json=CANNED[request.url.path])


@pytest.fixture
def openai_client():
    http = httpx.Client(transport=httpx.MockTransport(openai_api))
    return openai.OpenAI(api_key="sk-test", base_url="https://api.openai.test/v1", http_client=http, max_retries=0)
