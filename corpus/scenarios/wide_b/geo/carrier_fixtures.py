"""Canned carrier responses served to the tracking tests."""

IN_TRANSIT = {
    "tracking_number": "1Z999AA10123456784",
    "status": "IN_TRANSIT",
    "estimated_delivery": "2026-11-28",
    "events": [{"timestamp": "2026-11-26T08:15:00Z", "code": "DEPARTED_FACILITY", "location": "Leeds"}],
}
DELIVERED = {
    "tracking_number": "1Z999AA10123456785",
    "status": "delivered",
    "events": [{"timestamp": "2026-11-25T14:02:00Z", "code": "DELIVERED", "location": "York"}],
}
NO_EVENTS_YET = {"tracking_number": "1Z999AA10123456786", "status": "LABEL_CREATED", "estimated_delivery": None}
EXCEPTION = {
    "tracking_number": "1Z999AA10123456787",
    "status": "EXCEPTION",
    "events": [{"timestamp": 1764150000, "code": "ADDRESS_UNKNOWN"}],
}
LABEL_CREATED = {"trackingNumber": "1Z999AA10123456788", "labelUrl": "https://labels.carrier.example/1Z999AA10123456788.pdf"}
