"""Archives delivered-parcel records: S3 for proofs of delivery, DynamoDB for the index, SQS for re-drive."""

from __future__ import annotations

import json

import boto3

REGION = "eu-west-1"
PROOF_BUCKET = "parcelly-proof-of-delivery"
INDEX_TABLE = "parcel-index"


class Archive:
    def __init__(self) -> None:
        self.s3 = boto3.client("s3", region_name=REGION)
        self.ddb = boto3.client("dynamodb", region_name=REGION)
        self.sqs = boto3.client("sqs", region_name=REGION)

    def store_proof(self, parcel_id: str, photo: bytes) -> str:
        key = f"proofs/{parcel_id}.jpg"
        self.s3.put_object(Bucket=PROOF_BUCKET, Key=key, Body=photo, ContentType="image/jpeg")
        return key

    def index(self, parcel_id: str, depot: str, delivered_at: str) -> None:
        self.ddb.put_item(
            TableName=INDEX_TABLE,
            Item={"depot": {"S": depot}, "delivered_at": {"S": delivered_at}, "parcel_id": {"S": parcel_id}},
        )

    def redrive_in_progress(self, dlq_arn: str) -> bool:
        tasks = self.sqs.list_message_move_tasks(SourceArn=dlq_arn)["Results"]
        return any(t["Status"] == "RUNNING" for t in tasks)

    def failed_events(self, queue_url: str) -> list[dict]:
        msgs = self.sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10, MessageAttributeNames=["All"])
        return [
            {"body": json.loads(m["Body"]), "reason": m["MessageAttributes"]["failure_reason"]["StringValue"]}
            for m in msgs.get("Messages", [])
        ]


def route_minutes(calculator: str, depot: tuple[float, float], stop: tuple[float, float]) -> float:
    location = boto3.client("location", region_name=REGION)
    route = location.calculate_route(CalculatorName=calculator, DeparturePosition=list(depot), DestinationPosition=list(stop))
    return route["Summary"]["DurationSeconds"] / 60
