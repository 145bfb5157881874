import boto3
import pytest
from botocore.stub import ANY, Stubber

from .mailer import Mailer


@pytest.fixture
def ses():
    client = boto3.client("sesv2", region_name="eu-west-1", aws_access_key_id="x", aws_secret_access_key="x")
    with Stubber(client) as stubber:
        yield client, stubber


def test_receipt_sent(ses):
    client, stubber = ses
    stubber.add_response("send_email", {"MessageId": "0100-abc"}, {"FromEmailAddress": ANY, "Destination": ANY, "Content": ANY, "ConfigurationSetName": ANY})
    assert Mailer(client).send_delivery_receipt("ana@example.com", "PX-1") == "0100-abc"


def test_suppressed_address_detected(ses):
    client, stubber = ses
    stubber.add_response("get_suppressed_destination", {"SuppressedDestination": {"EmailAddress": "bounce@example.com", "Reason": "BOUNCE", "LastUpdateTime": "2026-01-01T00:00:00Z"}})
    assert Mailer(client).is_suppressed("bounce@example.com")


@pytest.mark.failure(category="6", library="botocore-stubber", dist="botocore", shape="raised", cause="stub-expected-params-out-of-date")
def test_receipt_subject_mentions_parcel(ses):
    client, stubber = ses
    # expected params written for the v1 SES API shape
    stubber.add_response(
        "send_email",
        {"MessageId": "0100-def"},
        {"FromEmailAddress": "no-reply@parcelly.example", "Destination": {"ToAddresses": ["bo@example.com"]}, "Content": ANY},
    )
    assert Mailer(client).send_delivery_receipt("bo@example.com", "PX-2") == "0100-def"


@pytest.mark.failure(category="6", library="botocore-stubber", dist="botocore", shape="raised", cause="operation-not-stubbed")
def test_receipt_for_new_customer(ses):
    client, stubber = ses
    stubber.add_response("send_email", {"MessageId": "0100-ghi"})
    assert Mailer(client).receipt_unless_suppressed("new@example.com", "PX-3") == "0100-ghi"


@pytest.mark.failure(category="6", library="botocore-stubber", dist="botocore", shape="raised", cause="stubbed-response-invalid-for-service-model")
def test_suppression_reason_for_complaint(ses):
    client, stubber = ses
    stubber.add_response("get_suppressed_destination", {"EmailAddress": "c@example.com", "Reason": "COMPLAINT"})
    assert Mailer(client).is_suppressed("c@example.com")


@pytest.mark.failure(category="6", library="botocore-stubber", dist="botocore", shape="assert", cause="stubbed-response-never-consumed")
def test_suppressed_customer_gets_no_receipt(ses):
    client, stubber = ses
    stubber.add_client_error("get_suppressed_destination", service_error_code="NotFoundException", http_status_code=404)
    stubber.add_response("send_email", {"MessageId": "0100-jkl"})
    assert Mailer(client).receipt_unless_suppressed("d@example.com", "PX-4") == "0100-jkl"
    stubber.add_response("get_suppressed_destination", {"SuppressedDestination": {"EmailAddress": "d@example.com", "Reason": "BOUNCE", "LastUpdateTime": "2026-01-01T00:00:00Z"}})
    stubber.add_response("send_email", {"MessageId": "0100-mno"})
    assert Mailer(client).receipt_unless_suppressed("d@example.com", "PX-5") is None
    stubber.assert_no_pending_responses()


@pytest.fixture
def bounced_address(ses):
    client, stubber = ses
    # copied from the SES v1 console output
    stubber.add_response("get_suppressed_destination", {"SuppressedDestination": {"EmailAddress": "e@example.com", "Reason": "Bounce"}})
    return client


@pytest.mark.failure(category="6", library="botocore-stubber", dist="botocore", shape="setup", cause="stubbed-response-invalid-for-service-model")
def test_bounced_address_is_suppressed(bounced_address):
    assert Mailer(bounced_address).is_suppressed("e@example.com")
