import datetime as dt

import boto3
import pytest
from botocore.stub import ANY, Stubber

from .storage import BUCKET, REGION, InvoiceArchive

MODIFIED = dt.datetime(2026, 11, 2, 9, 30, tzinfo=dt.timezone.utc)


@pytest.fixture
def s3():
    client = boto3.client("s3", region_name=REGION, aws_access_key_id="x", aws_secret_access_key="x")
    with Stubber(client) as stubber:
        yield client, stubber


def test_total_size_of_month(s3):
    client, stub = s3
    stub.add_response(
        "list_objects_v2",
        {"Contents": [{"Key": "2026/11/a.pdf", "Size": 10, "LastModified": MODIFIED}], "IsTruncated": False},
        {"Bucket": BUCKET, "Prefix": "2026/11/"},
    )
    assert InvoiceArchive(s3=client).total_size("2026/11/") == 10


@pytest.mark.failure(category="6", library="botocore-stubber", dist="botocore", shape="raised", cause="stub-response-wrong-type")
def test_total_size_from_recorded_listing(s3):
    client, stub = s3
    # recorded from the listing the old PHP exporter produced
    stub.add_response(
        "list_objects_v2",
        {"Contents": [{"Key": "2026/11/a.pdf", "Size": "10240", "LastModified": "2026-11-02T09:30:00Z"}]},
        {"Bucket": BUCKET, "Prefix": "2026/11/"},
    )
    assert InvoiceArchive(s3=client).total_size("2026/11/") == 10240


@pytest.mark.failure(category="6", library="botocore-stubber", dist="botocore", shape="raised", cause="unexpected-api-call-pagination")
def test_keys_of_large_month(s3):
    client, stub = s3
    stub.add_response(
        "list_objects_v2",
        {"Contents": [{"Key": "2026/10/a.pdf"}], "IsTruncated": True, "NextContinuationToken": "tok-2"},
        {"Bucket": BUCKET, "Prefix": "2026/10/"},
    )
    assert InvoiceArchive(s3=client).keys("2026/10/") == ["2026/10/a.pdf"]


@pytest.mark.failure(category="6", library="botocore-stubber", dist="botocore", shape="raised", cause="stub-expected-params-stale")
def test_store_sends_invoice(s3):
    client, stub = s3
    stub.add_response(
        "put_object",
        {"ETag": '"9b2cf535f27731c974343645a3985328"', "ChecksumSHA256": "n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg="},
        {"Bucket": BUCKET, "Key": "2026/11/INV-2001.pdf", "Body": ANY},
    )
    assert InvoiceArchive(s3=client).store("2026/11/INV-2001.pdf", b"%PDF")


@pytest.mark.failure(category="6", library="botocore-stubber", dist="botocore", shape="raised", cause="stub-response-missing-field")
def test_store_returns_checksum(s3):
    client, stub = s3
    stub.add_response("put_object", {"ETag": '"9b2cf535f27731c974343645a3985328"'})
    assert InvoiceArchive(s3=client).store("2026/11/INV-2002.pdf", b"%PDF")


@pytest.fixture
def textract():
    client = boto3.client("textract", region_name=REGION, aws_access_key_id="x", aws_secret_access_key="x")
    stub = Stubber(client)
    stub.activate()
    yield client, stub
    stub.assert_no_pending_responses()
    stub.deactivate()


@pytest.mark.failure(category="6", library="botocore-stubber", dist="botocore", shape="teardown", cause="stubbed-call-never-made")
def test_total_of_scanned_invoice(textract):
    client, stub = textract
    stub.add_response(
        "analyze_expense",
        {"ExpenseDocuments": [{"SummaryFields": [{"Type": {"Text": "TOTAL"}, "ValueDetection": {"Text": "118.00"}}]}]},
    )
    # the OCR pass the v1 extractor made before analysing the expense
    stub.add_response("detect_document_text", {"Blocks": [{"BlockType": "LINE", "Text": "TOTAL 118.00"}]})
    assert InvoiceArchive(textract=client).extract_total("2026/11/INV-2003.pdf") == "118.00"


@pytest.fixture
def recorded_expense(textract):
    client, stub = textract
    stub.add_response(
        "analyze_expense",
        {"ExpenseDocuments": [{"SummaryFields": [{"Type": {"Text": "TOTAL", "Confidence": "99.1"}, "ValueDetection": {"Text": "118.00"}}]}]},
    )
    return client


@pytest.mark.failure(category="6", library="botocore-stubber", dist="botocore", shape="setup", cause="stub-response-wrong-type")
def test_total_from_recorded_expense(recorded_expense):
    assert InvoiceArchive(textract=recorded_expense).extract_total("2026/11/INV-2004.pdf") == "118.00"
