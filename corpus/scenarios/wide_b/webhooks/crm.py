"""Client for the merchants' CRM (HubSpot-like REST API) used to attach parcel events to contacts."""

from __future__ import annotations

from dataclasses import dataclass

import httpx


@dataclass
class Contact:
    id: str
    email: str
    company: str


class CrmClient:
    def __init__(self, base_url: str = "https://api.crm.example.com", token: str = "t0k") -> None:
        self.http = httpx.Client(base_url=base_url, headers={"Authorization": f"Bearer {token}"}, timeout=5)

    def contact_by_email(self, email: str) -> Contact:
        resp = self.http.get("/crm/v3/objects/contacts/search", params={"email": email})
        resp.raise_for_status()
        item = resp.json()["results"][0]
        return Contact(id=item["id"], email=item["properties"]["email"], company=item["properties"]["company"])

    def add_note(self, contact_id: str, text: str) -> str:
        resp = self.http.post(f"/crm/v3/objects/contacts/{contact_id}/notes", json={"body": text})
        resp.raise_for_status()
        return resp.json()["id"]

    def deals(self, contact_id: str) -> list[dict]:
        resp = self.http.get(f"/crm/v3/objects/contacts/{contact_id}/associations/deals")
        resp.raise_for_status()
        return resp.json()["results"]


class CrmResponseError(RuntimeError):
    pass


def owner_of(client: CrmClient, contact_id: str) -> str:
    resp = client.http.get(f"/crm/v3/objects/contacts/{contact_id}", params={"properties": "hubspot_owner_id"})
    resp.raise_for_status()
    try:
        return resp.json()["properties"]["hubspot_owner_id"]
    except KeyError as exc:
        raise CrmResponseError(f"unexpected CRM payload for contact {contact_id}") from exc
