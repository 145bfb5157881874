import re

import pytest
import responses

from .mentions import follower_count, make_client, recent_mentions, sentiment_digest

SEARCH = re.compile(r"https://api\.(twitter|x)\.com/2/tweets/search/recent.*")
USER = re.compile(r"https://api\.(twitter|x)\.com/2/users/by/username/.*")
LIMIT_HEADERS = {"x-rate-limit-limit": "450", "x-rate-limit-remaining": "0", "x-rate-limit-reset": "4102444800"}
TWEETS = {"data": [{"id": "1", "text": "love the new app", "edit_history_tweet_ids": ["1"]}], "meta": {"result_count": 1}}
TOO_MANY = {"title": "Too Many Requests", "detail": "Too Many Requests", "type": "about:blank", "status": 429}

# the search quota of the app's bearer token, shared by every job that uses it during the test session
SEARCH_QUOTA = {"left": 3}


def search_callback(request):
    SEARCH_QUOTA["left"] -= 1
    if SEARCH_QUOTA["left"] < 0:
        return 429, LIMIT_HEADERS, '{"title": "Too Many Requests", "detail": "Too Many Requests", "type": "about:blank", "status": 429}'
    return 200, {"x-rate-limit-remaining": str(SEARCH_QUOTA["left"])}, '{"data": [{"id": "1", "text": "love the new app", "edit_history_tweet_ids": ["1"]}], "meta": {"result_count": 1}}'


@pytest.fixture
def x_api():
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        rsps.add_callback(responses.GET, SEARCH, callback=search_callback)
        yield rsps


def test_mentions_text(x_api):
    assert recent_mentions(make_client(), "acme") == ["love the new app"]


def test_two_brand_digest(x_api):
    assert sentiment_digest(make_client(), ["acme", "acme_support"]) == {"acme": 1, "acme_support": 1}


@pytest.mark.failure(category="7", library="tweepy", dist="tweepy", shape="raised", cause="search-quota-shared-bearer-token")
def test_weekly_digest_for_all_brands(x_api):
    digest = sentiment_digest(make_client(), ["acme", "acme_eu", "acme_us"])
    assert sum(digest.values()) == 3


@pytest.mark.failure(category="7", library="tweepy", dist="tweepy", shape="raised", cause="search-quota-shared-bearer-token")
def test_mentions_exclude_retweets(x_api):
    assert "RT" not in " ".join(recent_mentions(make_client(), "acme"))


@pytest.mark.failure(category="7", library="tweepy", dist="tweepy", shape="timeout", cause="wait-on-rate-limit-sleeps-until-reset")
@pytest.mark.timeout(2)
def test_digest_waits_politely(x_api):
    assert sentiment_digest(make_client(wait_on_rate_limit=True), ["acme"]) == {"acme": 1}


@pytest.mark.failure(category="7", library="tweepy", dist="tweepy", shape="chained", cause="too-many-requests-wrapped-by-app")
def test_follower_count_reported_on_dashboard():
    with responses.RequestsMock() as rsps:
        rsps.add(responses.GET, USER, json=TOO_MANY, status=429, headers=LIMIT_HEADERS)
        try:
            count = follower_count(make_client(), "acme")
        except Exception as exc:
            raise RuntimeError("dashboard refresh failed for @acme") from exc
    assert count > 0


@pytest.mark.failure(category="other", library="tweepy", dist="tweepy", shape="raised", cause="suspended-account-forbidden")
def test_follower_count_for_partner():
    with responses.RequestsMock() as rsps:
        rsps.add(
            responses.GET, USER, status=403,
            json={"title": "Forbidden", "detail": "User has been suspended: [acme_old].", "type": "https://api.twitter.com/2/problems/resource-not-found", "status": 403},
        )
        assert follower_count(make_client(), "acme_old") >= 0


@pytest.mark.failure(category="other", library="tweepy", dist="tweepy", shape="raised", cause="missing-public-metrics-field")
def test_follower_count_reads_metrics():
    with responses.RequestsMock() as rsps:
        rsps.add(responses.GET, USER, json={"data": {"id": "9", "name": "Acme", "username": "acme"}})
        assert follower_count(make_client(), "acme") == 1200
