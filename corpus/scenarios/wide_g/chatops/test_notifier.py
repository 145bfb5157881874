import json

import httpretty
import pytest
from slack_sdk.errors import SlackApiError

from .notifier import Notifier

API = "https://slack.com/api"


@pytest.fixture
def slack():
    httpretty.enable(allow_net_connect=False)
    yield
    httpretty.disable()
    httpretty.reset()


def canned(method, body):
    httpretty.register_uri(httpretty.POST, f"{API}/{method}", body=json.dumps(body), content_type="application/json")


def test_announce_deploy(slack):
    canned("chat.postMessage", {"ok": True, "channel": "C01DEPLOY", "ts": "1764115200.000100"})
    assert Notifier().announce("#deploys", "v2.14 is live") == "1764115200.000100"


@pytest.mark.failure(category="6", library="httpretty", shape="raised", cause="canned-response-missing-field")
def test_announce_incident(slack):
    canned("chat.postMessage", {"ok": True})
    assert Notifier().announce("#incidents", "SEV2: checkout errors").startswith("17")


@pytest.mark.failure(category="6", library="httpretty", shape="raised", cause="canned-response-uses-old-field-names")
def test_channels_of_bot(slack):
    # body copied from the channels.list docs of the retired API
    canned("users.conversations", {"ok": True, "channel": [{"id": "C1", "name": "deploys"}]})
    assert Notifier().my_channels() == ["deploys"]


@pytest.mark.failure(category="6", library="httpretty", shape="raised", cause="endpoint-not-mocked")
def test_attach_postmortem(slack):
    # the v1 upload endpoint; files_upload_v2 goes through getUploadURLExternal / completeUploadExternal
    canned("files.upload", {"ok": True, "file": {"id": "F0POSTMORTEM"}})
    assert Notifier().attach_postmortem("C01INCIDENT", "# Postmortem") == "F0POSTMORTEM"


@pytest.mark.timeout(2)
@pytest.mark.failure(category="6", library="httpretty", shape="timeout", cause="mock-ignores-pagination-cursor")
def test_incident_channel_history(slack):
    canned("conversations.history", {"ok": True, "messages": [{"text": "SEV2 opened"}], "has_more": True,
                                      "response_metadata": {"next_cursor": "bmV4dF90czoxNzY0MTE1MjAw"}})
    assert Notifier().incident_messages("C01INCIDENT") == ["SEV2 opened"]


@pytest.mark.failure(category="other", library="slack-sdk", dist="slack_sdk", shape="raised", cause="token-missing-oauth-scope")
def test_oncall_email(slack):
    canned("users.info", {"ok": False, "error": "missing_scope", "needed": "users:read.email"})
    assert Notifier().oncall_email("U0ONCALL") == "oncall@acme.example"


@pytest.mark.failure(category="6", library="httpretty", shape="assert", cause="canned-response-stale-value")
def test_incident_channel_member_count(slack):
    canned("conversations.info", {"ok": True, "channel": {"id": "C01INCIDENT", "name": "incidents", "num_members": 0}})
    assert Notifier().member_count("C01INCIDENT") >= 1


@pytest.fixture
def deploy_thread(slack):
    canned("chat.postMessage", {"ok": True, "channel": "C01DEPLOY", "message": {"ts": "1764115200.000100"}})
    return float(Notifier().announce("#deploys", "v2.15 rollout started"))


@pytest.mark.failure(category="6", library="httpretty", shape="setup", cause="canned-response-uses-old-field-names")
def test_rollout_updates_in_thread(deploy_thread):
    assert deploy_thread > 1_700_000_000
