"""SMS notifications through the messaging provider's REST API (Twilio-style)."""

from __future__ import annotations

import requests

SMS_API = "https://api.smsprovider.example/2010-04-01/Accounts/AC123"


def send_sms(to: str, body: str) -> str:
    resp = requests.post(f"{SMS_API}/Messages.json", data={"To": to, "From": "+447700900001", "Body": body}, timeout=3)
    resp.raise_for_status()
    return resp.json()["sid"]


def delivery_status(sid: str) -> str:
    resp = requests.get(f"{SMS_API}/Messages/{sid}.json", timeout=3)
    resp.raise_for_status()
    return resp.json()["status"]


def notify_out_for_delivery(phone: str, parcel_id: str) -> dict:
    sid = send_sms(phone, f"Your parcel {parcel_id} is out for delivery today.")
    return {"sid": sid, "status": delivery_status(sid)}
