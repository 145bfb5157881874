import openai
import pytest
import stripe
from github import Github
from github.Repository import Repository

from .refunds import apology, open_ops_ticket, refund_lost_parcel


def test_refund_status_from_sdk(mocker):
    client = mocker.MagicMock()
    client.v1.refunds.create.return_value = mocker.Mock(status="succeeded")
    assert refund_lost_parcel(client, "pi_1", 1299) == "succeeded"


@pytest.mark.failure(category="6", library="pytest-mock", dist="pytest-mock", shape="raised", cause="autospec-sdk-signature-drift")
def test_refund_issued_for_lost_parcel(mocker):
    create = mocker.patch.object(stripe.RefundService, "create", autospec=True)
    create.return_value = mocker.Mock(status="succeeded")
    client = stripe.StripeClient("sk_test_123")
    assert refund_lost_parcel(client, "pi_2", 1299) == "succeeded"


@pytest.mark.failure(category="6", library="pytest-mock", dist="pytest-mock", shape="raised", cause="mock-returns-raw-json-instead-of-sdk-object")
def test_ops_ticket_opened(mocker):
    repo = mocker.create_autospec(Repository, instance=True)
    # canned JSON from the REST docs; PyGithub returns an Issue object, not the raw payload
    repo.create_issue.return_value = {"number": 42, "title": "Lost parcel PX-9", "state": "open"}
    mocker.patch.object(Github, "get_repo", autospec=True, return_value=repo)
    assert open_ops_ticket(Github(), "PX-9") == 42


@pytest.mark.failure(category="6", library="pytest-mock", dist="pytest-mock", shape="raised", cause="autospec-missing-instance-attribute")
def test_apology_text(mocker):
    client = mocker.create_autospec(openai.OpenAI, instance=True)
    client.chat.completions.create.return_value.choices = [mocker.Mock(message=mocker.Mock(content="We are sorry"))]
    assert apology(client, "Ana") == "We are sorry"
