"""Transactional e-mail through Amazon SES (boto3)."""

from __future__ import annotations

import boto3


class Mailer:
    def __init__(self, client=None) -> None:
        self.ses = client or boto3.client("sesv2", region_name="eu-west-1", aws_access_key_id="x", aws_secret_access_key="x")

    def send_delivery_receipt(self, to: str, parcel_id: str) -> str:
        resp = self.ses.send_email(
            FromEmailAddress="no-reply@parcelly.example",
            Destination={"ToAddresses": [to]},
            Content={"Simple": {"Subject": {"Data": f"Parcel {parcel_id} delivered"}, "Body": {"Text": {"Data": "Thanks!"}}}},
            ConfigurationSetName="transactional",
        )
        return resp["MessageId"]

    def is_suppressed(self, address: str) -> bool:
        try:
            self.ses.get_suppressed_destination(EmailAddress=address)
            return True
        except self.ses.exceptions.NotFoundException:
            return False

    def receipt_unless_suppressed(self, to: str, parcel_id: str) -> str | None:
        if self.is_suppressed(to):
            return None
        return self.send_delivery_receipt(to, parcel_id)
