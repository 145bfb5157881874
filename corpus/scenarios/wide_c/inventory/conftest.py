"""A hand-rolled fake of the WMS API on a local port; its payloads were copied from the WMS 3.x docs."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

ITEMS = {
    "KB-101": {"sku": "KB-101", "stock": 40, "reserved": 4},
    "MS-220": {"sku": "MS-220", "stock": {"available": 12, "reserved": 2}, "locations": ["A-07", "C-12"]},
}


class FakeWMS(BaseHTTPRequestHandler):
    unhandled: list[str] = []
    def log_message(self, *args):
        pass

    def _send(self, status: int, body: dict) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        parts = self.path.split("?")[0].strip("/").split("/")
        if parts[-1] == "items":
            return self._send(200, {"results": [{"sku": "MS-220"}], "next": None})
        item = ITEMS.get(parts[3])
        if item is None:
            return self._send(404, {"error": "not found"})
        if len(parts) > 4 and parts[-1] != "locations":
            FakeWMS.unhandled.append(self.path)
            return self._send(404, {"error": "no route"})
        if parts[-1] == "locations":
            return self._send(200, {"locations": item["locations"]})
        return self._send(200, item)

    def do_POST(self):
        length = int(self.headers["Content-Length"])
        payload = json.loads(self.rfile.read(length))
        self._send(201, {"reservation_id": f"R-{payload['sku']}", "status": "held"})


@pytest.fixture
def wms_routes_checked():
    """Fails the test when the app called a WMS route the fake does not serve."""
    FakeWMS.unhandled.clear()
    yield
    assert FakeWMS.unhandled == []


@pytest.fixture(scope="module")
def wms_url():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeWMS)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
