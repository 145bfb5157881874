"""A local stand-in for the Slack Web API, with the per-method tier limits Slack applies to a workspace token."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT = 47811
# calls per method since the stub started; Slack's tier-3 budget for chat.postMessage in the test workspace
CALLS: dict[str, int] = {}
TIER_LIMITS = {"chat.postMessage": 4, "conversations.list": 2, "users.info": 3}
CHANNELS = [{"id": "C01", "name": "ops"}, {"id": "C02", "name": "deploys"}]


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep the test output quiet
        pass

    def _reply(self, status: int, body: dict, headers: dict[str, str] | None = None) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self) -> None:
        method = self.path.rsplit("/", 1)[-1]
        length = int(self.headers.get("Content-Length", 0))
        payload = self.rfile.read(length).decode()
        CALLS[method] = CALLS.get(method, 0) + 1
        if CALLS[method] > TIER_LIMITS.get(method, 100):
            self._reply(429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "30"})
            return
        if method == "chat.postMessage":
            params = json.loads(payload) if payload.startswith("{") else dict(p.split("=", 1) for p in payload.split("&"))
            if params.get("channel") not in {c["id"] for c in CHANNELS}:
                self._reply(200, {"ok": False, "error": "channel_not_found"})
                return
            self._reply(200, {"ok": True, "channel": params["channel"], "ts": "1700000000.000100"})
        elif method == "conversations.list":
            self._reply(200, {"ok": True, "channels": CHANNELS})
        elif method == "users.info":
            self._reply(200, {"ok": True, "user": {"id": "U1", "name": "deploy-bot", "tz": "Europe/Berlin"}})
        else:
            self._reply(404, {"ok": False, "error": "unknown_method"})


_server: ThreadingHTTPServer | None = None


def start() -> str:
    global _server
    if _server is None:
        ThreadingHTTPServer.allow_reuse_address = True
        _server = ThreadingHTTPServer(("127.0.0.1", PORT), _Handler)
        threading.Thread(target=_server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{PORT}/api/"
