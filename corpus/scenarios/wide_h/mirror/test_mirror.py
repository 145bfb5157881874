import pytest

from .sync import connect, group_names, latest_pipeline_status, project_card


def test_billing_card():
    assert project_card(connect(), 7, max_retries=2) == {"name": "billing", "path": "platform/billing", "branch": "main"}


def test_portal_card():
    assert project_card(connect(), 8, max_retries=2)["path"] == "platform/portal"


@pytest.mark.failure(category="other", library="python-gitlab", shape="chained", cause="project-not-found-404")
def test_archived_project_card():
    assert project_card(connect(), 3, max_retries=2)["name"] == "legacy-billing"


@pytest.mark.failure(category="7", library="python-gitlab", shape="chained", cause="token-quota-shared-across-tests")
def test_billing_card_refresh():
    assert project_card(connect(), 7, max_retries=2)["branch"] == "main"


@pytest.mark.failure(category="7", library="python-gitlab", shape="chained", cause="token-quota-shared-across-tests")
def test_portal_card_without_waiting():
    assert project_card(connect(), 8, obey_rate_limit=False)["name"] == "portal"


@pytest.mark.failure(category="7", library="python-gitlab", shape="raised", cause="retry-after-http-date-parsed-as-int")
def test_group_directory():
    assert "platform" in group_names(connect(token="glpat-directory"))


@pytest.mark.timeout(3)
@pytest.mark.failure(category="7", library="python-gitlab", shape="timeout", cause="retry-after-30s-honoured-in-test")
def test_pipeline_badge():
    assert latest_pipeline_status(connect(token="glpat-badges"), 8) in {"success", "failed", "running"}
