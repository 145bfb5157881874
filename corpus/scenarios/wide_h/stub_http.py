"""Tiny local HTTP stand-ins for the partner APIs the services call (fixed ports, one thread each)."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Route = Callable[..., "tuple[int, dict[str, str], object]"]
_SERVERS: dict[int, ThreadingHTTPServer] = {}


class _QuietServer(ThreadingHTTPServer):
    allow_reuse_address = True
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass  # clients that drop a kept-alive connection are not the server's business


def serve(port: int, route: Route) -> str:
    """Start (once) a server on 127.0.0.1:port answering every request with route(method, path, body, headers)."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:
            pass

        def date_time_string(self, timestamp=None) -> str:
            return "Thu, 26 Nov 2026 12:00:00 GMT"  # stable response headers for the recorded tracebacks

        def _handle(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            status, headers, payload = route(self.command, self.path, body, self.headers)
            data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
            self.send_response(status)
            headers = {"Content-Type": "application/json", **headers}
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _handle

    if port not in _SERVERS:
        server = _QuietServer(("127.0.0.1", port), Handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        _SERVERS[port] = server
    return f"http://127.0.0.1:{port}"
