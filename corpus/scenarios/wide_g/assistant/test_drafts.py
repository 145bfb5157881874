import json
from unittest import mock

import httpx
import openai
import pytest
import respx
from mocket import Mocketizer
from mocket.mockhttp import Entry
from openai.types.chat import ChatCompletion

from .drafts import GATEWAY, DraftWriter, draft_async, gateway

CHAT_OK = {
    "id": "chatcmpl-1", "object": "chat.completion", "created": 1764115200, "model": "gpt-4.1-mini",
    "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": " Sorry for the delay! "}}],
    "usage": {"prompt_tokens": 20, "completion_tokens": 8, "total_tokens": 28},
}
# recorded in 2022 against the legacy completions endpoint and reused for the chat client
COMPLETION_2022 = {
    "id": "cmpl-1", "object": "text_completion", "created": 1669852800, "model": "text-davinci-003",
    "choices": [{"index": 0, "finish_reason": "stop", "text": " Sorry for the delay! ", "logprobs": None}],
    "usage": {"prompt_tokens": 20, "completion_tokens": 8},
}


@pytest.fixture
def llm():
    with Mocketizer(strict_mode=True):
        yield


def reply(path, body, status=200, method=Entry.POST):
    Entry.single_register(method, GATEWAY + path, body=json.dumps(body), status=status,
                          headers={"Content-Type": "application/json", "Date": "Wed, 26 Nov 2026 09:00:00 GMT"})


def test_draft_reply(llm):
    reply("/chat/completions", CHAT_OK)
    assert DraftWriter().draft("Where is my order?") == "Sorry for the delay!"


@pytest.mark.failure(category="6", library="mocket", shape="raised", cause="fixture-recorded-from-old-api-version")
def test_draft_reply_for_late_order(llm):
    reply("/chat/completions", COMPLETION_2022)
    assert DraftWriter().draft("Where is my order?") == "Sorry for the delay!"


@pytest.mark.failure(category="6", library="mocket", shape="raised", cause="fixture-missing-field")
def test_cost_of_draft(llm):
    reply("/chat/completions", COMPLETION_2022)
    assert DraftWriter().cost("Where is my order?") == pytest.approx(28 / 1000 * 0.0004)


@pytest.mark.failure(category="6", library="mocket", shape="raised", cause="endpoint-not-mocked")
def test_ticket_summary(llm):
    reply("/chat/completions", CHAT_OK)
    assert DraftWriter().summary("Parcel 88 arrived damaged") != ""


@pytest.mark.failure(category="6", library="mocket", shape="assert", cause="mock-lacks-timeout-behaviour")
def test_slow_gateway_times_out(llm):
    reply("/chat/completions", CHAT_OK)
    with pytest.raises(openai.APITimeoutError):
        DraftWriter(gateway(timeout=0.05)).draft("Where is my order?")


@pytest.mark.failure(category="6", library="unittest.mock", dist=None, shape="raised", cause="patched-sdk-returns-plain-dict")
def test_draft_with_patched_client():
    client = gateway()
    with mock.patch.object(client.chat.completions, "create", return_value=CHAT_OK):
        assert DraftWriter(client).draft("Where is my order?") == "Sorry for the delay!"


@pytest.mark.failure(category="6", library="pydantic", shape="raised", cause="fixture-fails-sdk-model-validation")
def test_recorded_completion_matches_sdk_model():
    completion = ChatCompletion.model_validate(COMPLETION_2022)
    assert completion.choices[0].message.content


@pytest.mark.failure(category="6", library="respx", shape="raised", cause="endpoint-not-mocked")
def test_embeddings_for_ticket_search():
    with respx.mock(base_url=GATEWAY) as router:
        router.post("/embeddings/").respond(200, json={"object": "list", "data": [{"embedding": [0.1, 0.2], "index": 0, "object": "embedding"}]})
        assert DraftWriter().embed(["late parcel"]) == [[0.1, 0.2]]


@pytest.mark.failure(category="6", library="respx", shape="raised", cause="fixture-missing-field")
def test_tool_call_for_order_lookup():
    legacy = {**CHAT_OK, "choices": [{"index": 0, "finish_reason": "function_call", "message": {
        "role": "assistant", "content": None, "function_call": {"name": "lookup_order", "arguments": "{\"id\": 88}"}}}]}
    with respx.mock(base_url=GATEWAY) as router:
        router.post("/chat/completions").respond(200, json=legacy)
        assert DraftWriter().tool_call("Where is order 88?")["name"] == "lookup_order"


@pytest.fixture
def gateway_routes():
    with respx.mock(base_url=GATEWAY, assert_all_called=True) as router:
        router.post("/chat/completions").respond(200, json=CHAT_OK)
        router.post("/moderations").respond(200, json={"id": "modr-1", "model": "omni-moderation-latest", "results": [{"flagged": False}]})
        yield router


@pytest.mark.failure(category="6", library="respx", shape="teardown", cause="mocked-route-never-called")
def test_draft_goes_through_moderation(gateway_routes):
    assert DraftWriter().draft("Where is my order?") == "Sorry for the delay!"


@pytest.mark.failure(category="6", library="respx", shape="async", cause="fixture-recorded-from-old-api-version")
async def test_async_draft():
    with respx.mock(base_url=GATEWAY) as router:
        router.post("/chat/completions").respond(200, json=COMPLETION_2022)
        assert (await draft_async("Where is my order?")).strip() == "Sorry for the delay!"


@pytest.mark.failure(category="6", library="respx", shape="async", cause="mock-error-body-old-format")
async def test_async_draft_surfaces_quota_error():
    with respx.mock(base_url=GATEWAY) as router:
        router.post("/chat/completions").mock(return_value=httpx.Response(402, text="Payment Required"))
        with pytest.raises(openai.RateLimitError):
            await draft_async("Where is my order?")
