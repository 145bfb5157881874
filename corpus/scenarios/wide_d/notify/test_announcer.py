import pytest

from . import slack_stub
from .announcer import announce, announce_batch, channel_id, make_client, owner_timezone


@pytest.fixture(scope="module")
def slack_url():
    return slack_stub.start()


@pytest.fixture
def slack(slack_url):
    return make_client(slack_url)


def test_announce_returns_timestamp(slack):
    assert announce(slack, "C01", "billing", "2.4.0") == "1700000000.000100"


def test_ops_channel_lookup(slack):
    assert channel_id(slack, "ops") == "C01"


def test_deploys_channel_lookup(slack):
    assert channel_id(slack, "deploys") == "C02"


@pytest.mark.failure(category="other", library="slack-sdk", dist="slack_sdk", shape="raised", cause="slack-channel-not-found")
def test_announce_to_archived_channel(slack):
    assert announce(slack, "C99", "search", "1.0.3")


@pytest.mark.failure(category="7", library="slack-sdk", dist="slack_sdk", shape="raised", cause="slack-tier-limit-shared-workspace-token")
def test_release_train_announcements(slack):
    stamps = announce_batch(slack, "C02", {"billing": "2.4.1", "search": "1.0.4", "auth": "3.1.0"})
    assert len(stamps) == 3


@pytest.mark.failure(category="7", library="slack-sdk", dist="slack_sdk", shape="raised", cause="slack-tier-limit-shared-workspace-token")
def test_channel_lookup_for_alerts(slack):
    assert channel_id(slack, "ops") == "C01"


def test_owner_timezone(slack):
    assert owner_timezone(slack, "U1") == "Europe/Berlin"


@pytest.mark.failure(category="7", library="slack-sdk", dist="slack_sdk", shape="timeout", cause="slack-retry-after-sleep-exceeds-test-timeout")
@pytest.mark.timeout(2)
def test_hotfix_announcement_retries(slack_url):
    client = make_client(slack_url, retry_on_limit=True)
    assert announce(client, "C01", "auth", "3.1.1")


@pytest.mark.failure(category="7", library="slack-sdk", dist="slack_sdk", shape="assert", cause="slack-tier-limit-shared-workspace-token")
def test_owner_lookup_for_each_service(slack):
    from slack_sdk.errors import SlackApiError

    errors = []
    for service in ("billing", "search", "auth"):
        try:
            owner_timezone(slack, "U1")
        except SlackApiError as exc:
            errors.append((service, exc.response.status_code, exc.response["error"]))
    assert errors == []


@pytest.fixture
def release_thread(slack):
    """Each release test posts its summary to the release thread when it is done."""
    yield
    announce(slack, "C02", "release-train", "summary")


@pytest.mark.failure(category="7", library="slack-sdk", dist="slack_sdk", shape="teardown", cause="slack-tier-limit-shared-workspace-token")
def test_search_release_notes(release_thread):
    assert "1.0.4".count(".") == 2
