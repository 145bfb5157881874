import pytest

from .. import stub_http
from .registry import latest_sha, model_tags, stale_models

# the Hub's per-token API budget is counted by the gateway for the whole CI job
HUB_CALLS = {"n": 0}
HUB_BUDGET = 4
GATED = {"acme/llm-private"}


def hub_route(method, path, body):
    repo = path.split("/api/models/", 1)[-1].split("/revision/")[0].split("?")[0]
    if repo in GATED:
        return 401, {"X-Error-Code": "GatedRepo", "X-Error-Message": f"Access to model {repo} is restricted."}, {"error": f"Access to model {repo} is restricted."}
    HUB_CALLS["n"] += 1
    if HUB_CALLS["n"] > HUB_BUDGET:
        return 429, {"Retry-After": "120"}, {"error": "You have exceeded our hourly quotas for action: api. We invite you to retry later."}
    return 200, {}, {"id": repo, "modelId": repo, "sha": "a1b2c3", "tags": ["text-classification", "pytorch"], "private": False}


@pytest.fixture(scope="module", autouse=True)
def hub():
    return stub_http.serve(47812, hub_route)


def test_sha_of_sentiment_model():
    assert latest_sha("acme/sentiment-small") == "a1b2c3"


def test_tags_of_sentiment_model():
    assert model_tags("acme/sentiment-small") == ["pytorch", "text-classification"]


@pytest.mark.failure(category="7", library="huggingface-hub", dist="huggingface_hub", shape="raised", cause="hub-hourly-quota-shared-ci-token")
def test_stale_check_over_all_served_models():
    served = {"acme/sentiment-small": "a1b2c3", "acme/ner-base": "a1b2c3", "acme/intent-xs": "0000"}
    assert stale_models(served) == ["acme/intent-xs"]


@pytest.mark.failure(category="7", library="huggingface-hub", dist="huggingface_hub", shape="raised", cause="hub-hourly-quota-shared-ci-token")
def test_tags_of_ner_model():
    assert "pytorch" in model_tags("acme/ner-base")


@pytest.mark.failure(category="other", library="huggingface-hub", dist="huggingface_hub", shape="raised", cause="gated-repo-unauthorized")
def test_sha_of_gated_model():
    assert latest_sha("acme/llm-private")


class ModelSyncError(RuntimeError):
    pass


def sync_served_revisions(repos: list[str]) -> dict[str, str]:
    shas = {}
    for repo in repos:
        try:
            shas[repo] = latest_sha(repo)
        except Exception as exc:
            raise ModelSyncError(f"could not sync revision of {repo}") from exc
    return shas


@pytest.mark.failure(category="7", library="huggingface-hub", dist="huggingface_hub", shape="chained", cause="hub-hourly-quota-shared-ci-token")
def test_nightly_revision_sync():
    assert sync_served_revisions(["acme/sentiment-small", "acme/intent-xs"])["acme/intent-xs"] == "a1b2c3"
