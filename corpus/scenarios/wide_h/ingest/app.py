"""Telemetry ingest API (Falcon): devices post readings; each device key gets a fixed budget per window."""

from __future__ import annotations

import falcon
from limits import RateLimitItemPerMinute, storage, strategies

_storage = storage.MemoryStorage()
_window = strategies.FixedWindowRateLimiter(_storage)
READINGS_PER_MINUTE = RateLimitItemPerMinute(2)
_batch_quota: dict[str, int] = {}
BATCHES_PER_DAY = 2


def device_budget(req, resp, resource, params):
    device = req.get_header("X-Device-Key") or "unknown"
    if not _window.hit(READINGS_PER_MINUTE, "readings", device):
        reset, _ = _window.get_window_stats(READINGS_PER_MINUTE, "readings", device)
        raise falcon.HTTPTooManyRequests(title="Reading budget exhausted", description=f"device {device} may post {READINGS_PER_MINUTE}", retry_after=60)


def batch_budget(req, resp, resource, params):
    device = req.get_header("X-Device-Key") or "unknown"
    _batch_quota[device] = _batch_quota.get(device, 0) + 1
    if _batch_quota[device] > BATCHES_PER_DAY:
        raise falcon.HTTPTooManyRequests(description="daily batch upload allowance used", retry_after=86400)


class Readings:
    @falcon.before(device_budget)
    def on_post(self, req, resp):
        body = req.get_media()
        if body.get("sensor") not in {"temp", "humidity"}:
            raise falcon.HTTPForbidden(description=f"sensor {body.get('sensor')!r} is not enabled for this device")
        resp.status = falcon.HTTP_202
        resp.media = {"accepted": 1}


class Batches:
    @falcon.before(batch_budget)
    def on_post(self, req, resp):
        rows = req.get_media()["rows"]
        resp.status = falcon.HTTP_202
        resp.media = {"accepted": len(rows)}


app = falcon.App()
app.add_route("/readings", Readings())
app.add_route("/batches", Batches())


def batch_upload_allowed(device: str) -> bool:
    return _window.test(READINGS_PER_MINUTE, "readings", device)
