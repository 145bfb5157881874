from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests
import requests_cache

rq_failure = lambda shape, cause: pytest.mark.failure(  # noqa: E731
    category="4", library="requests-cache", dist="requests-cache", shape=shape, cause=cause
)

STATE = {"version": 1, "hits": 0}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        STATE["hits"] += 1
        body = json.dumps({"version": STATE["version"], "path": self.path}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def api_url():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


catalog_session = requests_cache.CachedSession("catalog", backend="memory", expire_after=3600)


def test_catalog_version(api_url):
    assert catalog_session.get(f"{api_url}/catalog").json()["version"] == 1


@rq_failure("assert", "http-cache-stale-response")
def test_catalog_version_after_publish(api_url):
    STATE["version"] = 2
    assert catalog_session.get(f"{api_url}/catalog").json()["version"] == 2


def test_offline_mode_uses_cache(api_url):
    requests_cache.install_cache("offline", backend="memory")  # never uninstall_cache()
    requests.get(f"{api_url}/status")


@rq_failure("assert", "install-cache-global-patch")
def test_status_endpoint_is_live(api_url):
    before = STATE["hits"]
    requests.get(f"{api_url}/status")
    assert STATE["hits"] == before + 1, "expected the request to reach the server"


@rq_failure("assert", "install-cache-global-patch")
def test_health_response_not_cached(api_url):
    resp = requests.get(f"{api_url}/status")
    assert getattr(resp, "from_cache", False) is False


@pytest.fixture
def uncached_session():
    s = requests.Session()
    assert not isinstance(s, requests_cache.CachedSession), f"requests.Session is patched: {type(s).__name__}"
    yield s


@rq_failure("setup", "install-cache-global-patch")
def test_webhook_delivery(uncached_session, api_url):
    uncached_session.get(f"{api_url}/webhook")
