"""Invoice archive: stores invoices in S3, queues OCR jobs in SQS, keeps the index in DynamoDB, extracts totals."""

from __future__ import annotations

import boto3

BUCKET = "acme-invoice-archive"
REGION = "eu-west-1"


class InvoiceArchive:
    def __init__(self, s3=None, sqs=None, dynamodb=None, textract=None, comprehend=None) -> None:
        self.s3 = s3 or boto3.client("s3", region_name=REGION)
        self.sqs = sqs or boto3.client("sqs", region_name=REGION)
        self.dynamodb = dynamodb or boto3.client("dynamodb", region_name=REGION)
        self.textract = textract or boto3.client("textract", region_name=REGION)
        self.comprehend = comprehend or boto3.client("comprehend", region_name=REGION)

    def store(self, key: str, pdf: bytes) -> str:
        resp = self.s3.put_object(Bucket=BUCKET, Key=key, Body=pdf, ChecksumAlgorithm="SHA256")
        return resp["ChecksumSHA256"]

    def checksum(self, key: str) -> str:
        attrs = self.s3.get_object_attributes(Bucket=BUCKET, Key=key, ObjectAttributes=["Checksum", "ObjectSize"])
        return attrs["Checksum"]["ChecksumCRC64NVME"]

    def keys(self, prefix: str) -> list[str]:
        keys: list[str] = []
        token = None
        while True:
            kwargs = {"Bucket": BUCKET, "Prefix": prefix}
            if token:
                kwargs["ContinuationToken"] = token
            page = self.s3.list_objects_v2(**kwargs)
            keys += [o["Key"] for o in page.get("Contents", [])]
            if not page.get("IsTruncated"):
                return keys
            token = page["NextContinuationToken"]

    def total_size(self, prefix: str) -> int:
        page = self.s3.list_objects_v2(Bucket=BUCKET, Prefix=prefix)
        return sum(o["Size"] for o in page.get("Contents", []))

    def extract_total(self, key: str) -> str:
        resp = self.textract.analyze_expense(Document={"S3Object": {"Bucket": BUCKET, "Name": key}})
        for field in resp["ExpenseDocuments"][0]["SummaryFields"]:
            if field["Type"]["Text"] == "TOTAL":
                return field["ValueDetection"]["Text"]
        raise LookupError(key)

    def pending_redrives(self, dlq_arn: str) -> int:
        tasks = self.sqs.list_message_move_tasks(SourceArn=dlq_arn)["Results"]
        return sum(1 for t in tasks if t["Status"] == "RUNNING")

    def complaint_tone(self, text: str) -> str:
        return self.comprehend.detect_sentiment(Text=text, LanguageCode="en")["Sentiment"]

    def index_hot_keys(self, table: str) -> list[str]:
        resp = self.dynamodb.describe_contributor_insights(TableName=table)
        return [r["RuleName"] for r in resp.get("ContributorInsightsRuleList", [])]

    def queue_ocr(self, queue_url: str, key: str) -> str:
        resp = self.sqs.send_message(QueueUrl=queue_url, MessageBody=key, MessageGroupId="invoices")
        return resp["SequenceNumber"]
