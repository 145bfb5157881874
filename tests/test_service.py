"""The HTTP service, end to end: the real app under uvicorn on 127.0.0.1 (a free port), driven with httpx.

Most tests share one server started in a thread (fast); one test runs ``cluster serve --workers 2`` as a
subprocess and is marked ``service``.
"""

from __future__ import annotations

import gzip
import json
import logging
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="needs the service extra: pip install -e '.[test,service]'")
pytest.importorskip("prometheus_client", reason="needs the service extra")
pytest.importorskip("multipart", reason="needs the service extra")
httpx = pytest.importorskip("httpx")
import uvicorn  # noqa: E402
from fastapi import Depends  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from clusterer.cli import app as cli_app  # noqa: E402
from clusterer.service.app import create_app, require_token  # noqa: E402
from clusterer.service.settings import Settings, SettingsError  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RESULTS = "examples/results"
JSON_FILE = f"{RESULTS}/results.json"
XML_FILE = f"{RESULTS}/results.xml"
LARGE = f"{RESULTS}/large-run.json"
TOKEN = "s3cret-token-value"
CLASSIFY_TOKEN = "classify-token-value"


class ThreadServer:
    """uvicorn serving ``app`` on 127.0.0.1 at a port the OS picks, in a daemon thread."""

    def __init__(self, app: object) -> None:
        config = uvicorn.Config(
            app, host="127.0.0.1", port=0, log_level="warning", access_log=False, lifespan="on", timeout_keep_alive=5
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.url = ""

    def __enter__(self) -> ThreadServer:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(15)


def _settings(**kw: object) -> Settings:
    return replace(Settings(model="tiny"), **kw)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def server() -> Iterator[ThreadServer]:
    with ThreadServer(create_app(_settings())) as s:
        yield s


@pytest.fixture(scope="module")
def strict_server() -> Iterator[ThreadServer]:
    """Small limits, both tokens, and a state-changing route guarded by ``require_token``."""
    app = create_app(
        _settings(
            token=TOKEN,
            classify_token=CLASSIFY_TOKEN,
            max_body=64 * 1024,
            max_files=3,
            max_failures=30,
            read_timeout=0.5,
        )
    )

    @app.post("/v1/test-admin", dependencies=[Depends(require_token)])
    async def admin() -> dict[str, bool]:
        return {"changed": True}

    with ThreadServer(app) as s:
        yield s


@pytest.fixture(scope="module")
def client(server: ThreadServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=30) as c:
        yield c


@pytest.fixture()
def chdir_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def _cli(*args: str) -> bytes:
    result = CliRunner().invoke(cli_app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def _read(path: str) -> bytes:
    return (ROOT / path).read_bytes()


# -- parity with the CLI -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("path", "media"), [(JSON_FILE, "application/json"), (XML_FILE, "application/xml")])
def test_classify_equals_cli_json(client: httpx.Client, chdir_root: None, path: str, media: str) -> None:
    r = client.post("/v1/classify", params={"source": path}, content=_read(path), headers={"Content-Type": media})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/json"
    assert r.content == _cli("classify", path, "--format", "json")


def test_multipart_several_files_are_several_runs(client: httpx.Client, chdir_root: None) -> None:
    files = [("files", (p, _read(p), "application/octet-stream")) for p in (JSON_FILE, XML_FILE)]
    r = client.post("/v1/classify", files=files)
    assert r.status_code == 200, r.text
    assert r.content == _cli("classify", JSON_FILE, XML_FILE, "--format", "json")
    assert r.json()["summary"]["runs"] == 2


def test_markdown_equals_cli(client: httpx.Client, chdir_root: None) -> None:
    r = client.post(
        "/v1/classify",
        params={"format": "markdown", "source": JSON_FILE},
        content=_read(JSON_FILE),
        headers={"Content-Type": "application/json"},
    )
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/markdown")
    assert r.content == _cli("classify", JSON_FILE, "--format", "markdown")
    by_accept = client.post(
        "/v1/classify",
        params={"source": JSON_FILE},
        content=_read(JSON_FILE),
        headers={"Content-Type": "application/json", "Accept": "text/markdown"},
    )
    assert by_accept.content == r.content


def test_failures_list_and_gzip(client: httpx.Client, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    body = json.dumps(
        [
            {"test": "t.py::test_a", "text": "Traceback...\nConnectionError: pool exhausted"},
            {"test": "t.py::test_b", "text": "TimeoutError: websocket ping took 2.5s"},
        ]
    ).encode()
    r = client.post("/v1/classify", content=body, headers={"Content-Type": "application/json"})
    assert r.status_code == 200, r.text
    assert r.json()["summary"]["failures"] == 2
    assert r.json()["summary"]["sources"] == ["request"]
    zipped = client.post("/v1/classify", content=gzip.compress(body), headers={"Content-Type": "application/gzip"})
    assert zipped.content == r.content
    (tmp_path / "request").write_bytes(body)
    monkeypatch.chdir(tmp_path)
    assert r.content == _cli("classify", "request", "--format", "json")


def test_client_mode_equals_local(server: ThreadServer, chdir_root: None) -> None:
    local = _cli("classify", JSON_FILE, XML_FILE, "--format", "json")
    assert _cli("classify", JSON_FILE, XML_FILE, "--format", "json", "--server", server.url) == local
    md = _cli("classify", JSON_FILE, "--format", "markdown", "--server", server.url + "/")
    assert md == _cli("classify", JSON_FILE, "--format", "markdown")


def test_client_mode_errors(server: ThreadServer, tmp_path: Path) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("hello")
    r = CliRunner().invoke(cli_app, ["classify", str(bad), "--server", server.url])
    assert r.exit_code == 2 and "HTTP 400" in r.output and "not a results file" in r.output
    r = CliRunner().invoke(cli_app, ["classify", str(tmp_path / "missing.json"), "--server", server.url])
    assert r.exit_code == 2 and "cannot read" in r.output
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    r = CliRunner().invoke(cli_app, ["classify", str(bad), "--server", f"http://127.0.0.1:{port}"])
    assert r.exit_code == 2 and "ConnectError" in r.output


# -- the other endpoints -----------------------------------------------------------------------------------------


def test_health_ready_model_categories(client: httpx.Client) -> None:
    assert client.get("/healthz").json()["status"] == "ok"
    assert client.get("/readyz").json() == {"ready": True, "model": "tiny", "reason": None}
    model = client.get("/v1/model").json()
    assert model["info"]["name"] == "tiny" and "evaluation" in model["manifest"]
    cats = client.get("/v1/categories").json()
    assert cats == json.loads(_cli("categories", "--json"))


def test_openapi_shares_the_cli_schema(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    assert "ClassifyResult" in spec["components"]["schemas"]
    ok = spec["paths"]["/v1/classify"]["post"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok["$ref"].endswith("/ClassifyResult")
    assert set(spec["paths"]["/v1/classify"]["post"]["requestBody"]["content"]) >= {
        "application/json",
        "application/xml",
        "multipart/form-data",
    }


def test_metrics_and_request_id(client: httpx.Client) -> None:
    r = client.post(
        "/v1/classify",
        content=_read(JSON_FILE),
        headers={"Content-Type": "application/json", "X-Request-ID": "ci-run-42"},
    )
    assert r.headers["x-request-id"] == "ci-run-42"
    assert len(client.get("/healthz", headers={"X-Request-ID": "bad id\twith tab"}).headers["x-request-id"]) == 32
    text = client.get("/metrics").text
    for name in (
        "clusterer_http_requests_total{",
        "clusterer_http_request_duration_seconds_bucket{",
        "clusterer_failures_classified_total{category=",
        'clusterer_model_info{clusterer_version="',
        "clusterer_ready 1.0",
    ):
        assert name in text
    assert 'route="/v1/classify"' in text
    assert client.get("/no/such/path").status_code == 404
    assert 'route="unmatched"' in client.get("/metrics").text


# -- errors: every bad request gets its 4xx with a JSON reason ----------------------------------------------------


@pytest.mark.parametrize(
    ("body", "headers", "status", "words"),
    [
        (b'{"tests": ', {"Content-Type": "application/json"}, 400, "malformed JSON"),
        (b"", {"Content-Type": "application/json"}, 400, "empty"),
        (b"\x00\x01\x02binary", {"Content-Type": "application/octet-stream"}, 400, "binary"),
        (b"<testsuite><testcase", {"Content-Type": "application/xml"}, 400, "malformed XML"),
        (b"\x1f\x8b\x08garbage", {"Content-Type": "application/gzip"}, 400, "corrupt gzip"),
        (b"hello world", {"Content-Type": "application/octet-stream"}, 400, "not a results file"),
        (b"[" * 100_000, {"Content-Type": "application/json"}, 400, "malformed JSON"),
        (b'<!DOCTYPE x [<!ENTITY a "b">]><testsuite/>', {"Content-Type": "application/xml"}, 400, "DTD"),
        (b'{"x": 1}', {"Content-Type": "application/json"}, 422, "is not a pytest-json-report"),
        (b"42", {"Content-Type": "application/json"}, 422, "not a results file"),
        (b"[1, 2]", {"Content-Type": "application/json"}, 422, "expected an object"),
        (b"<html/>", {"Content-Type": "application/xml"}, 422, "not JUnit"),
        (b'{"tests": "x"}', {"Content-Type": "application/json"}, 422, "expected a list"),
        (b"[]", {"Content-Type": "text/plain"}, 415, "is not accepted"),
        (b"[]", {"Content-Type": "application/x-www-form-urlencoded"}, 415, "curl"),
        (b"[]", {"Content-Type": "application/json", "Content-Encoding": "br"}, 415, "Content-Encoding"),
        (b"--xyz\r\ngarbage", {"Content-Type": "multipart/form-data; boundary=xyz"}, 400, "multipart"),
        (b"", {"Content-Type": "multipart/form-data; boundary=xyz"}, 400, "no results file"),
    ],
)
def test_bad_requests(client: httpx.Client, body: bytes, headers: dict[str, str], status: int, words: str) -> None:
    r = client.post("/v1/classify", content=body, headers=headers)
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == "application/json"
    assert words in r.json()["detail"]


def test_every_input_error_says_its_kind() -> None:
    """The HTTP status comes from the kind the raise site gives, never from the wording of the message."""
    import ast

    missing = []
    for path in sorted((ROOT / "clusterer").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) in ("InputError", "TooManyFailures")
                and not any(k.arg == "kind" for k in node.keywords)
            ):
                missing.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not missing, f"InputError raised without kind= at {missing}"


def test_status_follows_the_kind_not_the_wording() -> None:
    from clusterer.errors import InputError
    from clusterer.service.core import TooManyFailures, input_status

    assert input_status(InputError("r", "malformed JSON at line 1", kind="shape")) == 422
    assert input_status(InputError("r", "anything", kind="malformed")) == 400
    assert input_status(InputError("r", "anything", kind="too_large")) == 413
    assert input_status(TooManyFailures("request", "3 failures exceed the cap", kind="too_large")) == 413


def test_bad_query(client: httpx.Client) -> None:
    r = client.post(
        "/v1/classify", params={"format": "html"}, content=b"[]", headers={"Content-Type": "application/json"}
    )
    assert r.status_code == 422 and "detail" in r.json()
    r = client.post(
        "/v1/classify", params={"source": "x" * 500}, content=b"[]", headers={"Content-Type": "application/json"}
    )
    assert r.status_code == 422


def test_garbage_never_500(client: httpx.Client) -> None:
    import random

    rng = random.Random(7)
    seeds = [_read(JSON_FILE), _read(XML_FILE), b'[{"test": "a", "text": "b"}]']
    for i in range(60):
        seed = bytearray(rng.choice(seeds)[:4000])
        for _ in range(rng.randint(1, 20)):
            seed[rng.randrange(len(seed))] = rng.randrange(256)
        media = rng.choice(["application/json", "application/xml", "application/octet-stream"])
        r = client.post("/v1/classify", content=bytes(seed), headers={"Content-Type": media})
        assert r.status_code < 500, (i, r.text)
        assert r.status_code == 200 or "detail" in r.json()


def test_body_limit_413(strict_server: ThreadServer) -> None:
    auth = {"Authorization": f"Bearer {CLASSIFY_TOKEN}"}
    with httpx.Client(base_url=strict_server.url, timeout=30, headers=auth) as c:
        big = b"[" + b" " * (70 * 1024) + b"]"
        r = c.post("/v1/classify", content=big, headers={"Content-Type": "application/json"})
        assert r.status_code == 413 and "the limit is 64 KiB" in r.json()["detail"]

        def chunks() -> Iterator[bytes]:  # no Content-Length: the limit is enforced while reading
            for _ in range(70):
                yield b" " * 1024

        r = c.post("/v1/classify", content=chunks(), headers={"Content-Type": "application/json"})
        assert r.status_code == 413 and "65536 bytes" in r.json()["detail"]


def test_failure_and_file_caps_413(strict_server: ThreadServer) -> None:
    auth = {"Authorization": f"Bearer {CLASSIFY_TOKEN}"}
    with httpx.Client(base_url=strict_server.url, timeout=30, headers=auth) as c:
        many = json.dumps([{"test": f"t::{i}", "text": "ValueError: x"} for i in range(31)]).encode()
        r = c.post("/v1/classify", content=many, headers={"Content-Type": "application/json"})
        assert r.status_code == 413 and "per-request cap of 30" in r.json()["detail"]
        files = [("files", (f"r{i}.json", b'[{"test": "a", "text": "b"}]', "application/json")) for i in range(4)]
        r = c.post("/v1/classify", files=files)
        assert r.status_code == 413 and "at most 3 files" in r.json()["detail"]
        field = [("results", (None, b'[{"test": "a", "text": "ValueError: b"}]'))]  # curl -F 'results=<r.json'
        r = c.post("/v1/classify", files=field)
        assert r.status_code == 200 and r.json()["summary"]["sources"] == ["results"]


def test_slow_body_408(strict_server: ThreadServer) -> None:
    host, port = strict_server.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as s:
        s.sendall(
            f"POST /v1/classify HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            f"Authorization: Bearer {CLASSIFY_TOKEN}\r\nContent-Length: 100\r\n\r\n[".encode()
        )
        answer = b""  # headers and body may come in separate segments
        while b"\r\n\r\n" not in answer or not answer.rstrip().endswith(b"}"):
            chunk = s.recv(4096)
            if not chunk:
                break
            answer += chunk
    answer = answer.decode()
    assert answer.startswith("HTTP/1.1 408") and "not received within 0.5 s" in answer


def test_classify_timeout_503(chdir_root: None) -> None:
    with ThreadServer(create_app(_settings(timeout=0.001))) as s:
        r = httpx.post(
            s.url + "/v1/classify", content=_read(LARGE), headers={"Content-Type": "application/json"}, timeout=30
        )
    assert r.status_code == 503 and "did not finish within" in r.json()["detail"]
    assert r.headers["retry-after"] == "5"


def test_tokens(strict_server: ThreadServer) -> None:
    url = strict_server.url
    body, json_type = b'[{"test": "a", "text": "ValueError: b"}]', {"Content-Type": "application/json"}
    r = httpx.post(url + "/v1/classify", content=body, headers=json_type)
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer" and "requires" in r.json()["detail"]
    r = httpx.post(url + "/v1/classify", content=body, headers={**json_type, "Authorization": "Bearer nope"})
    assert r.status_code == 401 and r.json()["detail"] == "invalid bearer token"
    for token in (CLASSIFY_TOKEN, TOKEN):
        r = httpx.post(url + "/v1/classify", content=body, headers={**json_type, "Authorization": f"Bearer {token}"})
        assert r.status_code == 200
    assert httpx.post(url + "/v1/test-admin").status_code == 401
    assert httpx.post(url + "/v1/test-admin", headers={"Authorization": f"Bearer {CLASSIFY_TOKEN}"}).status_code == 401
    assert httpx.post(url + "/v1/test-admin", headers={"Authorization": f"Bearer {TOKEN}"}).json() == {"changed": True}
    assert httpx.get(url + "/healthz").status_code == 200  # reads stay open


def test_state_changing_refused_without_configured_token() -> None:
    app = create_app(_settings())

    @app.post("/v1/test-admin", dependencies=[Depends(require_token)])
    async def admin() -> dict[str, bool]:
        return {"changed": True}

    with ThreadServer(app) as s:
        r = httpx.post(s.url + "/v1/test-admin", headers={"Authorization": "Bearer anything"})
    assert r.status_code == 403 and "CLUSTERER_TOKEN" in r.json()["detail"]


def test_access_log_is_structured_and_has_no_secrets(
    strict_server: ThreadServer, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="clusterer.service.access"):
        httpx.post(
            strict_server.url + "/v1/classify?token=" + TOKEN,
            content=b"[]",
            headers={
                "Content-Type": "application/json",
                "Authorization": f"Bearer {CLASSIFY_TOKEN}",
                "X-Request-ID": "req-1",
            },
        )
        deadline = time.monotonic() + 10  # the line is written just after the answer is sent
        while not any("req-1" in r.getMessage() for r in caplog.records) and time.monotonic() < deadline:
            time.sleep(0.02)
    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "clusterer.service.access"]
    line = next(x for x in lines if x["request_id"] == "req-1")
    assert line["status"] == 200 and line["route"] == "/v1/classify" and line["duration_ms"] >= 0
    assert TOKEN not in caplog.text and CLASSIFY_TOKEN not in caplog.text
    assert TOKEN not in repr(Settings(token=TOKEN))


def test_settings_from_env() -> None:
    s = Settings.from_env({"CLUSTERER_MAX_BODY": "1024", "CLUSTERER_TIMEOUT": "2.5", "CLUSTERER_TOKEN": "t"})
    assert (s.max_body, s.timeout, s.token, s.classify_token) == (1024, 2.5, "t", None)
    with pytest.raises(SettingsError, match="CLUSTERER_MAX_BODY"):
        Settings.from_env({"CLUSTERER_MAX_BODY": "lots"})
    with pytest.raises(SettingsError, match="positive"):
        Settings.from_env({"CLUSTERER_CONCURRENCY": "0"})


# -- concurrency and readiness -------------------------------------------------------------------------------------


def test_concurrent_requests(client: httpx.Client, server: ThreadServer) -> None:
    bodies = [(JSON_FILE, "application/json"), (XML_FILE, "application/xml")]
    expected = {
        p: client.post("/v1/classify", params={"source": p}, content=_read(p), headers={"Content-Type": m}).content
        for p, m in bodies
    }

    def one(i: int) -> tuple[str, int, bytes, str | None]:
        path, media = bodies[i % 2]
        r = httpx.post(
            server.url + "/v1/classify",
            params={"source": path},
            content=_read(path),
            headers={"Content-Type": media},
            timeout=60,
        )
        return path, r.status_code, r.content, r.headers.get("connection")

    with ThreadPoolExecutor(16) as pool:
        answers = list(pool.map(one, range(32)))
    assert all(status == 200 and content == expected[path] for path, status, content, _ in answers)
    # a busy worker sends its clients elsewhere for their next request; a lone client keeps its connection
    assert any(connection == "close" for *_, connection in answers)
    alone = client.post("/v1/classify", content=_read(JSON_FILE), headers={"Content-Type": "application/json"})
    assert alone.status_code == 200 and alone.headers.get("connection") != "close"


def test_broken_model_is_not_ready(tmp_path: Path) -> None:
    model = tmp_path / "tiny"
    shutil.copytree(ROOT / "models" / "tiny", model)
    victim = sorted(model.glob("*.npy"))[0]
    data = bytearray(victim.read_bytes())
    data[-1] ^= 0xFF
    victim.write_bytes(bytes(data))
    with ThreadServer(create_app(_settings(model=str(model)))) as s, httpx.Client(base_url=s.url) as c:
        assert c.get("/healthz").status_code == 200
        r = c.get("/readyz")
        assert r.status_code == 503 and r.json()["ready"] is False
        assert "checksum mismatch" in r.json()["reason"] and victim.name in r.json()["reason"]
        r = c.post(
            "/v1/classify", content=b'[{"test": "a", "text": "b"}]', headers={"Content-Type": "application/json"}
        )
        assert r.status_code == 503 and r.json()["detail"].startswith("model not ready: ")
        assert c.get("/v1/model").status_code == 503
        assert "clusterer_ready 0.0" in c.get("/metrics").text
        r = CliRunner().invoke(cli_app, ["classify", str(ROOT / JSON_FILE), "--server", s.url])
        assert r.exit_code == 3 and "model not ready" in r.output


def test_unknown_model_is_not_ready() -> None:
    with ThreadServer(create_app(_settings(model="no-such-model"))) as s:
        r = httpx.get(s.url + "/readyz")
    assert r.status_code == 503 and "unknown model 'no-such-model'" in r.json()["reason"]


def test_dependency_override(chdir_root: None) -> None:
    from clusterer.model import Model
    from clusterer.service.app import get_model

    app = create_app(_settings(model="no-such-model"))
    tiny = Model.load("tiny")
    app.dependency_overrides[get_model] = lambda: tiny
    with ThreadServer(app) as s:
        r = httpx.post(
            s.url + "/v1/classify",
            params={"source": JSON_FILE},
            content=_read(JSON_FILE),
            headers={"Content-Type": "application/json"},
        )
    assert r.status_code == 200 and r.content == _cli("classify", JSON_FILE, "--format", "json")


# -- the real command ----------------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.service
def test_cluster_serve_workers(tmp_path: Path) -> None:
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if k != "PROMETHEUS_MULTIPROC_DIR"}
    log = (tmp_path / "serve.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "clusterer.cli", "serve", "--port", str(port), "--workers", "2"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(url + "/readyz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert proc.poll() is None and time.monotonic() < deadline, (tmp_path / "serve.log").read_text()
            time.sleep(0.2)
        local = subprocess.run(
            [sys.executable, "-m", "clusterer.cli", "classify", JSON_FILE, "--format", "json"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout
        with ThreadPoolExecutor(8) as pool:
            answers = list(
                pool.map(
                    lambda _: httpx.post(
                        url + "/v1/classify",
                        params={"source": JSON_FILE},
                        content=_read(JSON_FILE),
                        headers={"Content-Type": "application/json"},
                        timeout=60,
                    ),
                    range(16),
                )
            )
        assert all(a.status_code == 200 and a.content == local for a in answers)
        metrics = httpx.get(url + "/metrics").text  # summed over both workers
        assert 'clusterer_http_requests_total{method="POST",route="/v1/classify",status="200"} 16.0' in metrics
    finally:
        proc.terminate()
        proc.wait(20)
        log.close()
    text = (tmp_path / "serve.log").read_text()
    assert '"route": "/v1/classify"' in text and "Traceback" not in text


# -- retrain jobs whose worker is gone -------------------------------------------------------------------------


def test_jobs_of_dead_workers_are_failed_at_startup(tmp_path: Path) -> None:
    """A job left queued/running by a killed worker is failed (with the reason) when a service starts; jobs of live
    processes and of other hosts are left alone."""
    from clusterer.labels import LabelStore
    from clusterer.service.retrain import fail_orphaned_jobs, worker_identity

    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    me = worker_identity()
    store = LabelStore(tmp_path / "labels.db")
    dead = store.create_job("retrain", {"worker": {**me, "pid": int(gone.stdout)}})
    store.update_job(dead.id, status="running")
    queued_dead = store.create_job("retrain", {"worker": {**me, "pid": int(gone.stdout)}})
    legacy = store.create_job("retrain", {"embedder": "tiny"})
    alive = store.create_job("retrain", {"worker": me})
    store.update_job(alive.id, status="running")
    elsewhere = store.create_job("retrain", {"worker": {**me, "host": me["host"] + "-other"}})
    finished = store.create_job("retrain", {"worker": {**me, "pid": int(gone.stdout)}})
    store.update_job(finished.id, status="done", result={"ok": True})

    app = create_app(replace(Settings(), model="tiny"))
    app.state.label_store = store
    with ThreadServer(app):  # the startup sweep
        pass
    status = {j: store.job(j).status for j in (dead.id, queued_dead.id, legacy.id, alive.id, elsewhere.id)}  # type: ignore[union-attr]
    assert status == {
        dead.id: "failed",
        queued_dead.id: "failed",
        legacy.id: "failed",
        alive.id: "running",
        elsewhere.id: "queued",
    }
    error = store.job(dead.id).error  # type: ignore[union-attr]
    assert error and f"pid {int(gone.stdout)}" in error and "running" in error and "retry" in error
    assert store.job(finished.id).status == "done"  # type: ignore[union-attr]
    assert fail_orphaned_jobs(store) == []  # nothing left to fail
