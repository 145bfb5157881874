import boto3
import pytest
from moto import mock_aws

from .storage import BUCKET, REGION, InvoiceArchive


@pytest.fixture
def aws(monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", REGION)
    with mock_aws():
        boto3.client("s3", region_name=REGION).create_bucket(
            Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION}
        )
        yield InvoiceArchive()


def test_store_invoice(aws):
    assert aws.store("2026/11/INV-1001.pdf", b"%PDF-1.7 invoice")


def test_keys_by_month(aws):
    aws.store("2026/11/INV-1001.pdf", b"%PDF-1.7 a")
    aws.store("2026/11/INV-1002.pdf", b"%PDF-1.7 b")
    assert aws.keys("2026/11/") == ["2026/11/INV-1001.pdf", "2026/11/INV-1002.pdf"]


@pytest.mark.failure(category="6", library="moto", shape="raised", cause="mock-missing-default-checksum")
def test_checksum_of_stored_invoice(aws):
    aws.s3.put_object(Bucket=BUCKET, Key="2026/11/INV-1003.pdf", Body=b"%PDF-1.7 c")
    assert len(aws.checksum("2026/11/INV-1003.pdf")) == 12


@pytest.mark.failure(category="6", library="moto", shape="raised", cause="mock-api-not-implemented")
def test_extract_invoice_total(aws):
    aws.store("2026/11/INV-1004.pdf", b"%PDF-1.7 d")
    assert aws.extract_total("2026/11/INV-1004.pdf") == "118.00"


@pytest.mark.failure(category="6", library="moto", shape="raised", cause="mock-api-not-implemented")
def test_running_redrives_of_ocr_dlq(aws):
    assert aws.pending_redrives("arn:aws:sqs:eu-west-1:123456789012:ocr-jobs-dlq") == 0


@pytest.mark.failure(category="6", library="moto", shape="raised", cause="mock-api-not-implemented")
def test_hot_partition_report(aws):
    aws.dynamodb.create_table(
        TableName="invoice-index",
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )
    assert aws.index_hot_keys("invoice-index") == []


@pytest.mark.failure(category="6", library="moto", shape="assert", cause="mock-canned-inference-result")
def test_angry_complaint_is_flagged(aws):
    assert aws.complaint_tone("This is the third wrong invoice this month, I am furious!") == "NEGATIVE"


@pytest.mark.failure(category="other", library="moto", shape="raised", cause="test-queue-not-fifo")
def test_ocr_job_queued_in_order(aws):
    url = aws.sqs.create_queue(QueueName="ocr-jobs")["QueueUrl"]
    assert aws.queue_ocr(url, "2026/11/INV-1005.pdf")


@pytest.fixture
def redrive_dashboard(aws):
    return {"running": aws.pending_redrives("arn:aws:sqs:eu-west-1:123456789012:ocr-jobs-dlq")}


@pytest.mark.failure(category="6", library="moto", shape="setup", cause="mock-api-not-implemented")
def test_dashboard_shows_no_redrives(redrive_dashboard):
    assert redrive_dashboard["running"] == 0
