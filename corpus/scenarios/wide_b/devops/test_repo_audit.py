"""Repository audit against a local GitHub stand-in that counts the installation's hourly request quota."""

import json

import pytest
from werkzeug import Request, Response

from .repo_audit import api_budget_left, default_branch, open_github, repos_missing_description

INSTALLATION = {"limit": 6, "remaining": 6}


def fake_github(request: Request) -> Response:
    headers = {
        "x-ratelimit-limit": str(INSTALLATION["limit"]),
        "x-ratelimit-reset": "4102444800",
        "x-ratelimit-resource": "core",
    }
    if INSTALLATION["remaining"] <= 0:
        headers["x-ratelimit-remaining"] = "0"
        body = {
            "message": "API rate limit exceeded for installation ID 4412398.",
            "documentation_url": "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api",
            "status": "403",
        }
        return Response(json.dumps(body), status=403, headers=headers, content_type="application/json")
    INSTALLATION["remaining"] -= 1
    headers["x-ratelimit-remaining"] = str(INSTALLATION["remaining"])
    owner, name = request.path.split("/")[2:4]
    repo = {"id": 1, "name": name, "full_name": f"{owner}/{name}", "default_branch": "main",
            "description": None if name.startswith("tmp") else f"The {name} service"}
    return Response(json.dumps(repo), status=200, headers=headers, content_type="application/json")


@pytest.fixture
def gh(httpserver):
    import re

    httpserver.expect_request(re.compile(r"^/repos/[^/]+/[^/]+$")).respond_with_handler(fake_github)
    return open_github(httpserver.url_for("").rstrip("/"))


def test_default_branch_is_main(gh):
    assert default_branch(gh, "parcelly/api") == "main"


def test_scratch_repos_have_no_description(gh):
    assert repos_missing_description(gh, ["parcelly/tmp-spike", "parcelly/web"]) == ["parcelly/tmp-spike"]


def test_billing_repo_default_branch(gh):
    assert default_branch(gh, "parcelly/billing") == "main"


@pytest.mark.failure(category="7", library="pygithub", dist="PyGithub", shape="assert", cause="x-ratelimit-remaining-below-threshold")
def test_audit_has_enough_api_budget(gh):
    default_branch(gh, "parcelly/api")
    assert api_budget_left(gh) >= 3, "nightly audit needs at least 3 calls of headroom"


@pytest.mark.failure(category="7", library="pygithub", dist="PyGithub", shape="raised", cause="installation-hourly-quota-exhausted")
def test_all_service_repos_documented(gh):
    names = ["parcelly/api", "parcelly/web", "parcelly/billing", "parcelly/tracking"]
    assert repos_missing_description(gh, names) == []


@pytest.mark.failure(category="7", library="pygithub", dist="PyGithub", shape="raised", cause="installation-hourly-quota-exhausted")
def test_tracking_repo_default_branch(gh):
    assert default_branch(gh, "parcelly/tracking") == "main"


@pytest.fixture
def tracked_repos(gh):
    return {name: gh.get_repo(name) for name in ("parcelly/api", "parcelly/web")}


@pytest.mark.failure(category="7", library="pygithub", dist="PyGithub", shape="setup", cause="installation-hourly-quota-exhausted")
def test_tracked_repos_default_to_main(tracked_repos):
    assert {r.default_branch for r in tracked_repos.values()} == {"main"}
