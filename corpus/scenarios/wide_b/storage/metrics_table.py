"""Writes delivery events to DynamoDB and exports manifests to S3 (boto3)."""

from __future__ import annotations

import boto3
from botocore.config import Config


def aws_client(service: str, endpoint_url: str, attempts: int = 1):
    return boto3.client(
        service,
        endpoint_url=endpoint_url,
        region_name="eu-west-1",
        aws_access_key_id="AKIATEST",
        aws_secret_access_key="secret",
        config=Config(retries={"max_attempts": attempts, "mode": "standard"}, connect_timeout=1, read_timeout=2),
    )


class DeliveryEvents:
    def __init__(self, dynamodb) -> None:
        self.db = dynamodb

    def record(self, parcel_id: str, status: str) -> None:
        self.db.put_item(TableName="delivery-events", Item={"parcel_id": {"S": parcel_id}, "status": {"S": status}})

    def record_many(self, events: list[tuple[str, str]]) -> int:
        for parcel_id, status in events:
            self.record(parcel_id, status)
        return len(events)


class ManifestExporter:
    def __init__(self, s3) -> None:
        self.s3 = s3

    def export(self, day: str, body: bytes) -> str:
        key = f"manifests/{day}.csv"
        self.s3.put_object(Bucket="parcelly-exports", Key=key, Body=body)
        return key
