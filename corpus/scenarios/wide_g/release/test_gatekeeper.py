import pook
import pytest
import requests_mock

from .gatekeeper import Gatekeeper

API = "https://api.github.com:443"
REPO_BODY = {"id": 1, "name": "shop", "full_name": "acme/shop", "default_branch": "main",
             "url": "https://api.github.com/repos/acme/shop"}
PULL_URL = "https://api.github.com/repos/acme/shop/pulls/12"


@pytest.fixture
def gh_api():
    pook.on()
    pook.get(f"{API}/repos/acme/shop").persist().reply(200).json(REPO_BODY)
    yield pook
    pook.off()
    pook.reset()


def test_release_notes(gh_api):
    pook.get(f"{API}/repos/acme/shop/releases/tags/v2.14.0").reply(200).json(
        {"id": 7, "tag_name": "v2.14.0", "body": "Faster checkout", "url": "https://api.github.com/repos/acme/shop/releases/7"})
    assert Gatekeeper().release_notes("v2.14.0") == "Faster checkout"


@pytest.mark.failure(category="6", library="pook", shape="assert", cause="canned-response-missing-field")
def test_pull_request_is_merged(gh_api):
    # trimmed list-endpoint item: the single-PR endpoint also returns "merged"
    pook.get(f"{API}/repos/acme/shop/pulls/12").reply(200).json(
        {"number": 12, "state": "closed", "merged_at": "2026-11-20T10:00:00Z", "url": PULL_URL})
    assert Gatekeeper().is_merged(12) is True


@pytest.mark.failure(category="6", library="pook", shape="raised", cause="endpoint-not-mocked")
def test_pull_request_has_two_approvals(gh_api):
    pook.get(f"{API}/repos/acme/shop/pulls/12").reply(200).json({"number": 12, "state": "open", "url": PULL_URL})
    pook.get(f"{API}/repos/acme/shop/pulls/12/comments").reply(200).json([])
    assert Gatekeeper().approvals(12) == 2


@pytest.mark.failure(category="6", library="pook", shape="raised", cause="canned-response-wrong-value-type")
def test_changed_files_of_pull(gh_api):
    pook.get(f"{API}/repos/acme/shop/pulls/12").reply(200).json({"number": 12, "url": PULL_URL})
    pook.get(f"{API}/repos/acme/shop/pulls/12/files").reply(200).json({"files": [{"filename": "app/checkout.py"}]})
    assert Gatekeeper().changed_files(12) == ["app/checkout.py"]


@pytest.fixture
def strict_gh_api(gh_api):
    yield gh_api
    assert pook.isdone(), f"pending mocks: {[m._request.rawurl for m in pook.pending_mocks()]}"


@pytest.mark.failure(category="6", library="pook", shape="teardown", cause="mocked-route-never-called")
def test_branch_protection(strict_gh_api):
    pook.get(f"{API}/repos/acme/shop/branches/master").reply(200).json(
        {"name": "master", "protected": True, "commit": {"sha": "abc"}})
    pook.get(f"{API}/repos/acme/shop/branches/main").reply(200).json(
        {"name": "main", "protected": True, "commit": {"sha": "abc"}})
    assert Gatekeeper().default_branch_protected() is True


@pytest.fixture
def gh_requests_mock():
    with requests_mock.Mocker() as m:
        m.get(f"{API}/repos/acme/shop", json=REPO_BODY)
        yield m


@pytest.mark.failure(category="6", library="requests-mock", shape="raised", cause="endpoint-not-mocked")
def test_ci_is_green_for_release_commit(gh_requests_mock):
    gh_requests_mock.get(f"{API}/repos/acme/shop/commits/4f2a9c1/statuses",
                         json=[{"state": "success", "context": "ci/build"}])
    assert Gatekeeper().ci_green("4f2a9c1") is True


@pytest.mark.failure(category="6", library="requests-mock", shape="assert", cause="canned-response-stale-value")
def test_ci_state_after_checks_migration(gh_requests_mock):
    gh_requests_mock.get(f"{API}/repos/acme/shop/commits/4f2a9c1",
                         json={"sha": "4f2a9c1", "url": "https://api.github.com/repos/acme/shop/commits/4f2a9c1"})
    # recorded before CI moved to check runs: the legacy combined status stays "pending" with no statuses
    gh_requests_mock.get(f"{API}/repos/acme/shop/commits/4f2a9c1/status",
                         json={"state": "pending", "statuses": [], "sha": "4f2a9c1", "total_count": 0})
    assert Gatekeeper().ci_green("4f2a9c1") is True
