"""Tracks brand mentions on X through tweepy's v2 client."""

from __future__ import annotations

import tweepy

BEARER = "AAAA-test-bearer"


def make_client(wait_on_rate_limit: bool = False) -> tweepy.Client:
    return tweepy.Client(bearer_token=BEARER, wait_on_rate_limit=wait_on_rate_limit)


def recent_mentions(client: tweepy.Client, brand: str) -> list[str]:
    resp = client.search_recent_tweets(query=f"@{brand} -is:retweet", max_results=10)
    return [t.text for t in resp.data or []]


def follower_count(client: tweepy.Client, handle: str) -> int:
    resp = client.get_user(username=handle, user_fields=["public_metrics"])
    return resp.data.public_metrics["followers_count"]


def sentiment_digest(client: tweepy.Client, brands: list[str]) -> dict[str, int]:
    return {brand: len(recent_mentions(client, brand)) for brand in brands}
