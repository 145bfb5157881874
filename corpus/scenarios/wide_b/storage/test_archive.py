import json

import boto3
import pytest
from moto import mock_aws

from .archive import REGION, Archive, route_minutes


@pytest.fixture
def aws(monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    with mock_aws():
        s3 = boto3.client("s3", region_name=REGION)
        # the fixture still uses the bucket name from before the proof-of-delivery rename
        s3.create_bucket(Bucket="parcelly-pod", CreateBucketConfiguration={"LocationConstraint": REGION})
        ddb = boto3.client("dynamodb", region_name=REGION)
        ddb.create_table(
            TableName="parcel-index",
            KeySchema=[{"AttributeName": "parcel_id", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "parcel_id", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        )
        yield


@pytest.fixture
def archive(aws):
    return Archive()


def test_index_delivered_parcel(archive):
    archive.index("PX-1", "leeds", "2026-11-26T10:00:00Z")


@pytest.mark.failure(category="6", library="moto", dist="moto", shape="raised", cause="mocked-resource-name-drift")
def test_proof_photo_archived(archive):
    assert archive.store_proof("PX-1", b"\xff\xd8jpeg") == "proofs/PX-1.jpg"


@pytest.mark.failure(category="6", library="moto", dist="moto", shape="raised", cause="mocked-table-key-schema-drift")
def test_index_lookup_by_depot(archive):
    archive.index("PX-2", "york", "2026-11-26T11:00:00Z")
    got = archive.ddb.get_item(TableName="parcel-index", Key={"depot": {"S": "york"}, "delivered_at": {"S": "2026-11-26T11:00:00Z"}})
    assert got["Item"]["parcel_id"]["S"] == "PX-2"


@pytest.mark.failure(category="6", library="moto", dist="moto", shape="raised", cause="aws-action-not-implemented-in-mock")
def test_no_redrive_running(archive):
    dlq = archive.sqs.create_queue(QueueName="delivery-events-dlq")["QueueUrl"]
    arn = archive.sqs.get_queue_attributes(QueueUrl=dlq, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    assert archive.redrive_in_progress(arn) is False


@pytest.mark.failure(category="6", library="moto", dist="moto", shape="raised", cause="aws-action-not-implemented-in-mock")
def test_route_from_depot_under_an_hour(aws):
    assert route_minutes("parcelly-routes", (-1.5491, 53.8008), (-1.0815, 53.9590)) < 60


@pytest.mark.failure(category="6", library="moto", dist="moto", shape="raised", cause="mock-message-missing-attributes")
def test_failed_events_have_reason(archive):
    url = archive.sqs.create_queue(QueueName="delivery-events-failed")["QueueUrl"]
    archive.sqs.send_message(QueueUrl=url, MessageBody=json.dumps({"parcel": "PX-3", "event": "delivered"}))
    assert archive.failed_events(url)[0]["reason"]
