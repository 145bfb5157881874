import pytest

from .summaries import make_async_client, make_client, summarize, summarize_async

TICKET = "Hi, since I reset my password yesterday I get 'invalid credentials' on every login. -- Dana"


def test_summary_mentions_login():
    assert "log in" in summarize(make_client(), TICKET)


def test_summary_is_short():
    assert len(summarize(make_client(), TICKET)) < 120


@pytest.mark.failure(category="7", library="anthropic", shape="raised", cause="llm-request-quota-shared-across-tests")
def test_summary_suggests_escalation():
    assert "escalate" in summarize(make_client(), TICKET)


@pytest.mark.failure(category="7", library="anthropic", shape="async", cause="llm-request-quota-shared-across-tests")
async def test_async_summary_matches_sync():
    assert await summarize_async(make_async_client(), TICKET)


@pytest.mark.timeout(3)
@pytest.mark.failure(category="7", library="anthropic", shape="timeout", cause="sdk-retry-honours-retry-after")
def test_summary_with_default_retries():
    assert summarize(make_client(max_retries=2), TICKET)


@pytest.mark.failure(category="other", library="anthropic", shape="raised", cause="api-key-permission-403")
def test_summary_with_readonly_key():
    assert summarize(make_client(api_key="sk-ant-support-ro"), TICKET)


@pytest.mark.failure(category="other", library="anthropic", shape="raised", cause="model-not-found-404")
def test_summary_with_pinned_model():
    assert summarize(make_client(), TICKET, model="support-summarizer-v0")
