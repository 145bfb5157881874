"""The FastAPI app: parse the request, call the library, answer — nothing else.

``create_app()`` builds a fresh app (``uvicorn --factory clusterer.service.app:create_app``). The model loads once,
in the lifespan; endpoints reach it through the :func:`get_model` dependency (tests swap it with
``app.dependency_overrides``). A model that fails verification leaves the service up but not ready: ``/readyz``
and every model endpoint answer 503 with the reason.
"""

from __future__ import annotations

import asyncio
import gc
import hmac
import json
import logging
import re
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any, Literal

import anyio
import anyio.to_thread
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field
from starlette.datastructures import MutableHeaders, UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from clusterer import __version__
from clusterer.errors import InputError, ModelError
from clusterer.ingest.detect import format_size
from clusterer.model import Model
from clusterer.schema import ClassifyResult, ModelInfo, PlaybookStep

from .core import classify_payloads, input_status, render
from .metrics import Metrics
from .settings import Settings

log = logging.getLogger("clusterer.service")
access_log = logging.getLogger("clusterer.service.access")

_JSON_TYPES = {
    "application/json",
    "text/json",
    "application/x-ndjson",
    "application/jsonl",
    "application/jsonlines",
    "application/json-lines",
}
_XML_TYPES = {"application/xml", "text/xml"}
_DETECT_TYPES = {"application/octet-stream", "application/gzip", "application/x-gzip"}
_MULTIPART = "multipart/form-data"
_ACCEPTED = (
    "application/json, application/xml, multipart/form-data, application/gzip or application/octet-stream "
    "(curl: -H 'Content-Type: application/json' or -F files=@results.json)"
)
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


# -- response bodies (the classify answer itself is clusterer.schema.ClassifyResult, shared with the CLI) ----------


class Health(BaseModel):
    """``GET /healthz``: the process is up."""

    status: Literal["ok"] = "ok"
    version: str


class Readiness(BaseModel):
    """``GET /readyz``: whether the model is loaded and verified, and if not, why."""

    ready: bool
    model: str | None = None
    reason: str | None = None


class ModelDescription(BaseModel):
    """``GET /v1/model``: what answers say about the model, and its manifest (thresholds, figures, checksums)."""

    info: ModelInfo
    manifest: dict[str, Any]


class CategoryOut(BaseModel):
    """One category of ``GET /v1/categories`` (the shape of ``cluster categories --json``)."""

    id: str
    name: str
    slug: str
    priority: int
    likelihood: str = ""
    severity: str = ""
    root_causes: list[str] = Field(default_factory=list)
    playbook: list[PlaybookStep] = Field(default_factory=list)


class Problem(BaseModel):
    """Every error answer: one line saying what was wrong."""

    detail: str


# -- dependencies ------------------------------------------------------------------------------------------------


def get_settings(request: Request) -> Settings:
    """The app's settings."""
    return request.app.state.settings  # type: ignore[no-any-return]


def get_model(request: Request) -> Model:
    """The loaded model; 503 with the reason while there is none."""
    model: Model | None = request.app.state.model
    if model is None:
        raise HTTPException(503, f"model not ready: {request.app.state.model_error}")
    return model


_bearer = HTTPBearer(auto_error=False, description="Bearer token from CLUSTERER_TOKEN / CLUSTERER_CLASSIFY_TOKEN")
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def _token_matches(creds: HTTPAuthorizationCredentials | None, expected: str | None) -> bool:
    return bool(creds and expected and hmac.compare_digest(creds.credentials.encode(), expected.encode()))


def _unauthorized(creds: HTTPAuthorizationCredentials | None, what: str) -> HTTPException:
    reason = f"{what} requires a bearer token (Authorization: Bearer ...)" if creds is None else "invalid bearer token"
    return HTTPException(401, reason, headers={"WWW-Authenticate": "Bearer"})


def require_token(creds: Credentials, settings: Annotated[Settings, Depends(get_settings)]) -> None:
    """Guard of every state-changing endpoint: the CLUSTERER_TOKEN bearer token; 403 when none is configured."""
    if not settings.token:
        raise HTTPException(403, "state-changing endpoints are disabled: the service has no CLUSTERER_TOKEN")
    if not _token_matches(creds, settings.token):
        raise _unauthorized(creds, "this endpoint")


def classify_auth(creds: Credentials, settings: Annotated[Settings, Depends(get_settings)]) -> None:
    """Guard of classify: open unless CLUSTERER_CLASSIFY_TOKEN is set (the CLUSTERER_TOKEN token is accepted too)."""
    if settings.classify_token and not (
        _token_matches(creds, settings.classify_token) or _token_matches(creds, settings.token)
    ):
        raise _unauthorized(creds, "classify")


# -- request parsing ---------------------------------------------------------------------------------------------


def _too_large(limit: int) -> HTTPException:
    return HTTPException(413, f"request body is too large: the limit is {format_size(limit)} ({limit} bytes)")


async def _read_body(request: Request, settings: Settings) -> bytes:
    """The whole body, refused as soon as it passes the limit, and within the read timeout."""
    limit = settings.max_body
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise HTTPException(400, "invalid Content-Length header")
        if int(declared) > limit:
            raise _too_large(limit)
    chunks: list[bytes] = []
    size = 0
    try:
        async with asyncio.timeout(settings.read_timeout):
            async for chunk in request.stream():
                size += len(chunk)
                if size > limit:
                    raise _too_large(limit)
                chunks.append(chunk)
    except TimeoutError:
        raise HTTPException(408, f"request body not received within {settings.read_timeout:g} s") from None
    except ClientDisconnect:
        raise HTTPException(400, "client disconnected before sending the whole body") from None
    return b"".join(chunks)


def _label(text: str) -> str:
    return _CONTROL.sub("?", text)[:200] or "request"


async def _multipart_payloads(request: Request, body: bytes, settings: Settings) -> list[tuple[str, bytes]]:
    """Every part of a multipart body as ``(file name or field name, bytes)``, in order."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.request", "body": b"", "more_body": False}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    buffered = Request(request.scope, receive=replay)
    payloads: list[tuple[str, bytes]] = []
    try:
        async with buffered.form(
            max_files=settings.max_files, max_fields=settings.max_files, max_part_size=settings.max_body
        ) as form:
            for name, value in form.multi_items():
                if isinstance(value, UploadFile):
                    payloads.append((_label(value.filename or name), await value.read()))
                else:
                    payloads.append((_label(name), value.encode("utf-8")))
    except StarletteHTTPException as exc:  # starlette's multipart errors
        if str(exc.detail).startswith("Too many"):
            raise HTTPException(413, f"{exc.detail} (a request carries at most {settings.max_files} files)") from None
        raise HTTPException(400, f"malformed multipart body: {exc.detail}") from None
    if not payloads:
        raise HTTPException(400, "multipart body has no results file (send one part per file, e.g. -F files=@r.json)")
    if len(payloads) > settings.max_files:
        raise HTTPException(413, f"too many files: the limit is {settings.max_files} per request")
    return payloads


def _media_type(request: Request) -> str:
    raw = request.headers.get("content-type")
    if raw is None:
        return "application/octet-stream"
    media = raw.split(";", 1)[0].strip().lower()
    if media in _JSON_TYPES or media in _XML_TYPES or media in _DETECT_TYPES or media == _MULTIPART:
        return media
    if media.endswith(("+json", "+xml")):
        return media
    raise HTTPException(415, f"Content-Type {media or '(empty)'!r} is not accepted; send {_ACCEPTED}")


# -- observability -----------------------------------------------------------------------------------------------


class ObserveMiddleware:
    """Request id (``X-Request-ID`` in and out), timing, metrics and one JSON access-log line per request.

    The log line carries no headers, no query string and no body: nothing a client sends can leak a secret there.
    """

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"x-request-id"), "")
        request_id = given if _REQUEST_ID.match(given) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        start = time.perf_counter()
        seen = {"status": 500, "in": 0, "out": 0}

        async def receive_counted() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                seen["in"] += len(message.get("body", b""))
            return message

        async def send_tagged(message: Message) -> None:
            if message["type"] == "http.response.start":
                seen["status"] = message["status"]
                MutableHeaders(scope=message)["x-request-id"] = request_id
            elif message["type"] == "http.response.body":
                seen["out"] += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive_counted, send_tagged)
        finally:
            elapsed = time.perf_counter() - start
            route = getattr(scope.get("route"), "path", None) or "unmatched"
            self.metrics.observe(scope["method"], route, seen["status"], elapsed)
            access_log.info(
                json.dumps(
                    {
                        "event": "request",
                        "request_id": request_id,
                        "method": scope["method"],
                        "path": scope["path"],
                        "route": route,
                        "status": seen["status"],
                        "duration_ms": round(elapsed * 1000, 2),
                        "bytes_in": seen["in"],
                        "bytes_out": seen["out"],
                        "client": scope["client"][0] if scope.get("client") else None,
                    },
                    ensure_ascii=False,
                )
            )


# -- the app -----------------------------------------------------------------------------------------------------

_CLASSIFY_BODY = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "description": "A pytest-json-report document, pytest-reportlog JSON lines, or a list of failures",
                "oneOf": [
                    {"type": "object"},
                    {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["test", "text"],
                            "properties": {
                                "test": {"type": "string"},
                                "text": {"type": "string"},
                                "message": {"type": "string"},
                            },
                        },
                    },
                ],
            }
        },
        "application/xml": {"schema": {"type": "string", "description": "JUnit/xUnit XML"}},
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "properties": {
                    "files": {
                        "type": "array",
                        "items": {"type": "string", "format": "binary"},
                        "description": "One or more results files; each is one run",
                    }
                },
            }
        },
        "application/gzip": {"schema": {"type": "string", "format": "binary"}},
    },
}
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": Problem, "description": text}
    for code, text in {
        400: "Malformed body",
        401: "Missing or wrong bearer token",
        408: "Body not sent in time",
        413: "Body, file count or failure count over the limit",
        415: "Content-Type not accepted",
        422: "Well-formed input of an unknown shape",
        503: "Model not ready, or classification timed out",
    }.items()
}


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the service app. ``settings`` defaults to :meth:`Settings.from_env` (what ``cluster serve`` sets)."""
    settings = settings or Settings.from_env()
    metrics = Metrics()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.limiter = anyio.CapacityLimiter(settings.concurrency)
        try:
            model = await anyio.to_thread.run_sync(Model.load, settings.model)
        except (ModelError, OSError, ValueError) as exc:
            app.state.model, app.state.model_error = None, " ".join(str(exc).split()) or type(exc).__name__
            log.error("model failed to load, service not ready: %s", app.state.model_error)
        else:
            app.state.model, app.state.model_error = model, None
            log.info("model %s loaded from %s (%d exemplars)", model.name, model.path, len(model.exemplars))
        metrics.set_model(app.state.model.info() if app.state.model else None)
        # Everything imported and loaded so far lives as long as the process: move it out of the collector's
        # generations, so a full collection walks only what requests allocate. Without this, a full collection
        # every ~20 requests of the 730-test file took ~28 ms (in-process p99 45 ms; with it 18 ms).
        gc.freeze()
        yield

    app = FastAPI(
        title="clusterer",
        version=__version__,
        summary="Cluster failing tests from CI results and map each cluster to a known failure category.",
        lifespan=lifespan,
    )
    app.state.settings, app.state.metrics = settings, metrics
    app.state.model, app.state.model_error = None, "starting"
    app.state.in_flight = 0  # classify requests in this worker (running or waiting for the limiter)
    app.add_middleware(ObserveMiddleware, metrics=metrics)

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> JSONResponse:
        request_id = request.scope.get("state", {}).get("request_id", "")
        log.exception("internal error (request id %s)", request_id)
        return JSONResponse({"detail": f"internal error (request id {request_id})"}, status_code=500)

    @app.get("/healthz", response_model=Health, tags=["health"])
    async def healthz() -> Health:
        """The process is up (does not look at the model)."""
        return Health(version=__version__)

    @app.get("/readyz", response_model=Readiness, responses={503: {"model": Readiness}}, tags=["health"])
    async def readyz(request: Request) -> Any:
        """The model is loaded and verified; 503 with the reason otherwise."""
        model: Model | None = request.app.state.model
        if model is None:
            return JSONResponse(
                Readiness(ready=False, reason=request.app.state.model_error).model_dump(), status_code=503
            )
        return Readiness(ready=True, model=model.name)

    @app.get(
        "/metrics",
        tags=["health"],
        response_class=Response,
        responses={200: {"content": {"text/plain": {}}, "description": "Prometheus text format"}},
    )
    async def prometheus() -> Response:
        """Prometheus metrics: requests, latency histogram, failures classified by category, the model."""
        return Response(metrics.exposition(), media_type=metrics.content_type)

    @app.get("/v1/model", response_model=ModelDescription, responses={503: {"model": Problem}}, tags=["model"])
    async def describe_model(model: Annotated[Model, Depends(get_model)]) -> ModelDescription:
        """The loaded model: what answers say about it, and its manifest (thresholds, evaluation figures, files)."""
        return ModelDescription(info=ModelInfo(**model.info()), manifest=model.manifest)

    @app.get("/v1/categories", response_model=list[CategoryOut], responses={503: {"model": Problem}}, tags=["model"])
    async def categories(model: Annotated[Model, Depends(get_model)]) -> list[CategoryOut]:
        """The categories the model answers with: ids, names, priorities and debugging playbooks."""
        return [CategoryOut(**c.to_dict()) for c in model.categories.values()]

    @app.post(
        "/v1/classify",
        response_model=ClassifyResult,
        tags=["classify"],
        openapi_extra={"requestBody": _CLASSIFY_BODY},
        responses={**_ERRORS, 200: {"content": {"text/markdown": {}}}},
        dependencies=[Depends(classify_auth)],
    )
    async def classify(
        request: Request,
        model: Annotated[Model, Depends(get_model)],
        fmt: Annotated[
            Literal["json", "markdown"] | None,
            Query(
                alias="format",
                description="json (default): what `cluster classify --format json` prints; markdown: "
                "the summary for $GITHUB_STEP_SUMMARY",
            ),
        ] = None,
        source: Annotated[
            str | None,
            Query(
                max_length=200,
                description="Name of the results file for a raw body (default 'request'); "
                "multipart parts use their file names",
            ),
        ] = None,
    ) -> Response:
        """Classify the failures of one or more results files.

        The body is a pytest-json-report document, JUnit XML, pytest-reportlog lines, a JSON list of
        ``{test, text}`` failures, or a multipart upload of several such files (several runs). The format is
        detected from the content; gzip'd bodies are accepted. The answer is byte for byte what
        ``cluster classify FILES --format json`` prints for the same files.
        """
        media = _media_type(request)
        encoding = request.headers.get("content-encoding", "identity").strip().lower()
        if encoding not in ("identity", "gzip", ""):
            raise HTTPException(415, f"Content-Encoding {encoding!r} is not accepted (send identity or gzip)")
        body = await _read_body(request, settings)
        if media == _MULTIPART:
            payloads = await _multipart_payloads(request, body, settings)
        else:
            payloads = [(_label(source or "request"), body)]
        if fmt is None:
            fmt = "markdown" if "text/markdown" in request.headers.get("accept", "") else "json"

        def work() -> tuple[str, str, list[str]]:
            result = classify_payloads(payloads, model, max_bytes=settings.max_body, max_failures=settings.max_failures)
            text, media_type = render(result, fmt)
            return text, media_type, ["new" if f.is_new else f.category for f in result.failures]

        state = request.app.state
        state.in_flight += 1
        try:
            async with asyncio.timeout(settings.timeout):
                text, media_type, answered = await anyio.to_thread.run_sync(
                    work, limiter=state.limiter, abandon_on_cancel=True
                )
        except InputError as exc:
            metrics.rejected.labels(str(input_status(exc))).inc()
            raise HTTPException(input_status(exc), str(exc)) from None
        except TimeoutError:
            metrics.rejected.labels("timeout").inc()
            raise HTTPException(
                503,
                f"classification did not finish within {settings.timeout:g} s; retry later or send fewer failures",
                headers={"Retry-After": "5"},
            ) from None
        finally:
            state.in_flight -= 1
        metrics.classified(answered)
        # Busy with other classifications: ask the client to reconnect for its next request, so that a free worker
        # accepts it. Worker processes share one listening socket and a keep-alive connection stays with the worker
        # that accepted it: without this, 8 keep-alive clients all landed on one of 2 workers (measured: 100/0 CPU
        # split, 45 req/s; with it 50/50, 72 req/s). A lone client keeps its connection.
        headers = {"Connection": "close"} if state.in_flight > 0 else None
        return Response(text, media_type=media_type, headers=headers)

    from .retrain import mount  # labels, retraining and the model registry (their own router)

    return mount(app)
