"""Summaries of product reviews for the product page, generated with the OpenAI API."""

from __future__ import annotations

import json

import openai


class ReviewSummariser:
    def __init__(self, client: openai.OpenAI, model: str = "gpt-4o-mini") -> None:
        self.client = client
        self.model = model

    def summary(self, reviews: list[str]) -> str:
        if not reviews:
            raise ValueError("no reviews to summarise")
        completion = self.client.chat.completions.create(
            model=self.model,
            messages=[{"role": "user", "content": "Summarise these reviews:\n" + "\n".join(reviews)}],
        )
        return completion.choices[0].message.content.strip()

    def sentiment(self, review: str) -> dict:
        completion = self.client.chat.completions.create(
            model=self.model,
            response_format={"type": "json_object"},
            messages=[{"role": "user", "content": f"Return JSON with 'score' (-1..1) and 'topics' for: {review}"}],
        )
        return json.loads(completion.choices[0].message.content)

    def cost_tokens(self, reviews: list[str]) -> int:
        completion = self.client.chat.completions.create(
            model=self.model, messages=[{"role": "user", "content": "\n".join(reviews)}]
        )
        return completion.usage.total_tokens

    def embedding(self, text: str) -> list[float]:
        return self.client.embeddings.create(model="text-embedding-3-small", input=text).data[0].embedding
