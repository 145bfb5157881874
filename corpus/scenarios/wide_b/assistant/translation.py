"""Translates delivery notes for drivers through the cloud Translation REST API (google-api-core retries)."""

from __future__ import annotations

import requests
from google.api_core import exceptions, retry

RETRY_ON_QUOTA = retry.Retry(
    predicate=retry.if_exception_type(exceptions.TooManyRequests, exceptions.ServiceUnavailable),
    initial=0.02,
    maximum=0.05,
    multiplier=2,
    timeout=0.3,
)


class Translator:
    def __init__(self, endpoint: str, project: str = "parcelly-prod") -> None:
        self.url = f"{endpoint}/v3/projects/{project}:translateText"
        self.session = requests.Session()

    def _translate(self, text: str, target: str) -> str:
        resp = self.session.post(self.url, json={"contents": [text], "targetLanguageCode": target}, timeout=2)
        if resp.status_code >= 400:
            raise exceptions.from_http_response(resp)
        return resp.json()["translations"][0]["translatedText"]

    def translate(self, text: str, target: str) -> str:
        return self._translate(text, target)

    def translate_with_retry(self, text: str, target: str) -> str:
        return RETRY_ON_QUOTA(self._translate)(text, target)

    def translate_or_original(self, text: str, target: str) -> str:
        try:
            return self.translate(text, target)
        except exceptions.TooManyRequests:
            return text
