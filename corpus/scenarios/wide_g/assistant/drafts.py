"""Drafts replies to support tickets with the LLM gateway (OpenAI-compatible API, openai SDK)."""

from __future__ import annotations

from openai import AsyncOpenAI, OpenAI

GATEWAY = "http://127.0.0.1:47951/v1"
MODEL = "gpt-4.1-mini"
PRICE_PER_1K_TOKENS = 0.0004


def gateway(timeout: float = 5.0) -> OpenAI:
    return OpenAI(base_url=GATEWAY, api_key="sk-test", max_retries=0, timeout=timeout)


class DraftWriter:
    def __init__(self, client: OpenAI | None = None) -> None:
        self.client = client or gateway()

    def draft(self, ticket: str) -> str:
        resp = self.client.chat.completions.create(
            model=MODEL, messages=[{"role": "user", "content": f"Draft a reply to: {ticket}"}]
        )
        return resp.choices[0].message.content.strip()

    def summary(self, ticket: str) -> str:
        resp = self.client.responses.create(model=MODEL, input=f"Summarise: {ticket}")
        return resp.output_text

    def cost(self, ticket: str) -> float:
        resp = self.client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": ticket}])
        return resp.usage.total_tokens / 1000 * PRICE_PER_1K_TOKENS

    def tool_call(self, ticket: str) -> dict:
        resp = self.client.chat.completions.create(
            model=MODEL,
            messages=[{"role": "user", "content": ticket}],
            tools=[{"type": "function", "function": {"name": "lookup_order", "parameters": {"type": "object"}}}],
        )
        call = resp.choices[0].message.tool_calls[0]
        return {"name": call.function.name, "arguments": call.function.arguments}

    def embed(self, texts: list[str]) -> list[list[float]]:
        resp = self.client.embeddings.create(model="text-embedding-3-small", input=texts)
        return [d.embedding for d in resp.data]


async def draft_async(ticket: str) -> str:
    client = AsyncOpenAI(base_url=GATEWAY, api_key="sk-test", max_retries=0)
    resp = await client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": ticket}])
    return resp.choices[0].message.content
