"""Delivers webhook events to merchants' endpoints, backing off while the merchant answers 429."""

from __future__ import annotations

import backoff
import requests

session = requests.Session()


def _retryable(exc: requests.HTTPError) -> bool:
    return exc.response is None or exc.response.status_code != 429


@backoff.on_exception(backoff.constant, requests.HTTPError, max_tries=3, interval=0.01, giveup=_retryable, jitter=None)
def deliver(url: str, event: dict) -> int:
    resp = session.post(url, json=event, timeout=2)
    resp.raise_for_status()
    return resp.status_code


@backoff.on_predicate(backoff.constant, lambda r: r.status_code == 429, max_tries=3, interval=0.01, jitter=None)
def deliver_batch(url: str, events: list[dict]) -> requests.Response:
    return session.post(url, json={"events": events}, timeout=2)
