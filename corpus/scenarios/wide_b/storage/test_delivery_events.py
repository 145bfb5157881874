"""Event writer against a local DynamoDB/S3 stand-in with the table's provisioned write capacity."""

import json

import pytest
from botocore.exceptions import ClientError
from werkzeug import Request, Response

from .metrics_table import DeliveryEvents, ManifestExporter, aws_client

WRITE_CAPACITY = {"units": 5, "used": 0}
S3_PREFIX_RATE = {"puts": 2, "used": 0}


def fake_dynamodb(request: Request) -> Response:
    if WRITE_CAPACITY["used"] >= WRITE_CAPACITY["units"]:
        err = {
            "__type": "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
            "message": "The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.",
        }
        return Response(json.dumps(err), status=400, content_type="application/x-amz-json-1.0")
    WRITE_CAPACITY["used"] += 1
    return Response("{}", status=200, content_type="application/x-amz-json-1.0")


def fake_s3(request: Request) -> Response:
    if S3_PREFIX_RATE["used"] >= S3_PREFIX_RATE["puts"]:
        xml = (
            '<?xml version="1.0" encoding="UTF-8"?><Error><Code>SlowDown</Code>'
            "<Message>Please reduce your request rate.</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>"
        )
        return Response(xml, status=503, content_type="application/xml")
    S3_PREFIX_RATE["used"] += 1
    return Response("", status=200, headers={"ETag": '"abc"'})


@pytest.fixture
def events(httpserver):
    httpserver.expect_request("/", method="POST").respond_with_handler(fake_dynamodb)
    return DeliveryEvents(aws_client("dynamodb", httpserver.url_for("/")))


@pytest.fixture
def exporter(httpserver):
    import re

    httpserver.expect_request(re.compile("^/parcelly-exports/"), method="PUT").respond_with_handler(fake_s3)
    return ManifestExporter(aws_client("s3", httpserver.url_for("/")))


def test_record_delivered_event(events):
    events.record("PX-1", "delivered")


def test_record_depot_scans(events):
    assert events.record_many([("PX-2", "at-depot"), ("PX-3", "at-depot")]) == 2


def test_export_monday_manifest(exporter):
    assert exporter.export("2026-11-23", b"parcel_id,status\n") == "manifests/2026-11-23.csv"


@pytest.mark.failure(category="7", library="botocore", dist="botocore", shape="raised", cause="dynamodb-provisioned-throughput-exceeded")
def test_record_route_events(events):
    assert events.record_many([("PX-4", "out-for-delivery"), ("PX-5", "out-for-delivery"), ("PX-6", "out-for-delivery")]) == 3


@pytest.mark.failure(category="7", library="botocore", dist="botocore", shape="assert", cause="dynamodb-provisioned-throughput-exceeded")
def test_failed_delivery_event_is_stored(events):
    try:
        events.record("PX-7", "failed-attempt")
        stored = True
    except ClientError as exc:
        stored = exc.response["Error"]["Code"]
    assert stored is True


@pytest.mark.failure(category="7", library="botocore", dist="botocore", shape="raised", cause="s3-slowdown-request-rate")
def test_export_week_of_manifests(exporter):
    for day in ("2026-11-24", "2026-11-25", "2026-11-26"):
        exporter.export(day, b"parcel_id,status\n")
