"""Support assistant: drafts replies and triages tickets with the OpenAI API."""

from __future__ import annotations

import openai

SYSTEM = "You are a support agent for Parcelly, a parcel delivery company. Be brief."


class SupportBot:
    def __init__(self, client: openai.OpenAI, model: str = "gpt-4o-mini") -> None:
        self.client = client
        self.model = model

    def _ask(self, prompt: str) -> str:
        completion = self.client.chat.completions.create(
            model=self.model,
            messages=[{"role": "system", "content": SYSTEM}, {"role": "user", "content": prompt}],
            temperature=0,
        )
        return completion.choices[0].message.content or ""

    def summarise(self, ticket: str) -> str:
        return self._ask(f"Summarise this ticket in one line:\n{ticket}")

    def priority(self, ticket: str) -> str:
        return self._ask(f"Answer low, normal or urgent. Ticket:\n{ticket}").strip().lower()

    def draft_reply(self, ticket: str) -> str:
        return self._ask(f"Draft a reply to:\n{ticket}")

    def triage_or_default(self, ticket: str) -> str:
        """Priority for the queue; "normal" when the assistant is unavailable so tickets never get stuck."""
        try:
            return self.priority(ticket)
        except openai.RateLimitError:
            return "normal"


class AsyncSupportBot:
    def __init__(self, client: openai.AsyncOpenAI, model: str = "gpt-4o-mini") -> None:
        self.client = client
        self.model = model

    async def summarise(self, ticket: str) -> str:
        completion = await self.client.chat.completions.create(
            model=self.model, messages=[{"role": "user", "content": f"Summarise: {ticket}"}], temperature=0
        )
        return completion.choices[0].message.content or ""
