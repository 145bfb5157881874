import pytest

from .review_summaries import ReviewSummariser

O = dict(library="openai-fixtures", dist="openai")
REVIEWS = ["Great keys, a bit loud.", "Lovely feel, arrived fast.", "Loud but worth it."]


@pytest.fixture
def summariser(openai_client):
    return ReviewSummariser(openai_client)


@pytest.mark.failure(category="6", shape="raised", cause="canned-response-from-legacy-completions-api", **O)
def test_product_page_summary(summariser):
    assert "keyboard" in summariser.summary(REVIEWS)


@pytest.mark.failure(category="6", shape="raised", cause="canned-response-from-legacy-completions-api", **O)
def test_review_sentiment_is_positive(summariser):
    assert summariser.sentiment(REVIEWS[1])["score"] > 0


@pytest.mark.failure(category="6", shape="raised", cause="canned-usage-lacks-total-tokens", **O)
def test_summary_token_budget(summariser):
    assert summariser.cost_tokens(REVIEWS) <= 500


@pytest.mark.failure(category="6", shape="raised", cause="canned-embedding-field-renamed", **O)
def test_review_embedding_dimensions(summariser):
    assert len(summariser.embedding(REVIEWS[0])) == 3


@pytest.mark.failure(category="other", library="openai", shape="raised", cause="empty-review-list-rejected")
def test_summary_without_reviews(summariser):
    assert summariser.summary([]) == ""
