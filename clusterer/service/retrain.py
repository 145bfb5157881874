"""Labels, retraining and the model registry over HTTP: a router the app mounts with :func:`mount`.

Endpoints (every one needs the ``CLUSTERER_TOKEN`` bearer token)::

    POST /v1/labels                  store labels (201)
    POST /v1/retrain                 train a new version in the background (202, a job id)
    GET  /v1/jobs/{id}               a job's status and, when done, its figures
    GET  /v1/models                  the registry: every model, the active one, the one this worker serves
    POST /v1/models/{id}/activate    activate a model (409 when it scores worse, unless force) and swap to it

Swapping never fails a request: a request takes the model object once (the app's ``get_model`` dependency) and
keeps it to the end, while the swap loads the new model off the event loop and then replaces the reference.
Several worker processes each watch the registry's state file and swap when another worker (or the CLI)
activated a model. A service pinned to a model (``--model``/``$CLUSTERER_MODEL``) records activations but keeps
serving its model. Jobs are rows in the label store, so any worker can answer ``GET /v1/jobs/{id}``.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any

import anyio.to_thread
from fastapi import APIRouter, Depends, FastAPI, HTTPException, Request
from pydantic import BaseModel, Field

from clusterer.errors import ClustererError, InputError, ModelError
from clusterer.labels import Label, LabelStore, StoreError
from clusterer.model import Model
from clusterer.registry import STATE, ActivationRefused, Registry

from .app import Problem, require_token

log = logging.getLogger("clusterer.service")
#: Seconds between two looks at the registry's state file (other workers' or the CLI's activations).
WATCH_INTERVAL = 2.0


class LabelIn(BaseModel):
    """One label: the failing test and its text (canonical text, or the raw traceback/message), and a category."""

    test: str = Field(min_length=1, max_length=2000)
    category: str = Field(min_length=1, max_length=32, description="1-7, 'other', or a category added to the store")
    text: str | None = Field(default=None, max_length=200_000, description="Canonical text (computed if omitted)")
    traceback: str = Field(default="", max_length=2_000_000)
    message: str = Field(default="", max_length=100_000)
    source: str = Field(default="", max_length=2000, description="The run the failure came from (file, CI URL)")
    run: int | None = None


class LabelsIn(BaseModel):
    """``POST /v1/labels``."""

    labels: list[LabelIn] = Field(min_length=1, max_length=10_000)
    author: str | None = Field(default=None, max_length=200)


class LabelsOut(BaseModel):
    """What was stored."""

    stored: int
    ids: list[int]


class RetrainIn(BaseModel):
    """``POST /v1/retrain``."""

    embedder: str = "tiny"
    activate: bool = Field(default=True, description="Activate the new version if it does not score worse")
    force: bool = Field(default=False, description="Activate it even if it scores worse")


class JobOut(BaseModel):
    """A background job."""

    id: str
    kind: str
    status: str = Field(description="queued, running, done or failed")
    created_at: str
    started_at: str | None = None
    finished_at: str | None = None
    params: dict[str, Any] = Field(default_factory=dict)
    result: dict[str, Any] | None = None
    error: str | None = None
    url: str | None = None


class ActivateIn(BaseModel):
    """``POST /v1/models/{id}/activate``."""

    force: bool = False


_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": Problem, "description": "Missing or wrong bearer token"},
    403: {"model": Problem, "description": "The service has no CLUSTERER_TOKEN"},
}

router = APIRouter(dependencies=[Depends(require_token)], responses=_ERRORS)


# -- state held by the app ---------------------------------------------------------------------------------------


def get_store(request: Request) -> LabelStore:
    """The label store (``$CLUSTERER_DB`` or ``$CLUSTERER_HOME/labels.db``); tests override it."""
    store: LabelStore | None = getattr(request.app.state, "label_store", None)
    if store is None:
        store = request.app.state.label_store = LabelStore()
    return store


def get_registry(request: Request) -> Registry:
    """The model registry (``$CLUSTERER_HOME/models``)."""
    registry: Registry | None = getattr(request.app.state, "registry", None)
    if registry is None:
        registry = request.app.state.registry = Registry()
    return registry


def _pinned(app: FastAPI) -> str | None:
    """The model the service was told to serve (``--model``/``$CLUSTERER_MODEL``), which activations don't move."""
    return app.state.settings.model or os.environ.get("CLUSTERER_MODEL") or None


def swap_model(app: FastAPI, path: Path) -> Model:
    """Load ``path`` and make it the model new requests get (call from a worker thread, never the event loop).

    Requests already running keep the model they started with. Raises :class:`ModelError` when the model does
    not load; the service then keeps serving the old one.
    """
    model = Model.load(path)
    app.state.model, app.state.model_error = model, None
    metrics = getattr(app.state, "metrics", None)
    if metrics is not None:
        gauge = getattr(metrics, "model", None)
        if gauge is not None and hasattr(gauge, "clear"):
            gauge.clear()
        metrics.set_model(model.info())
    app.state.served_path = str(model.path)
    log.info("now serving model %s from %s", model.name, model.path)
    return model


def _follow_registry(app: FastAPI, registry: Registry) -> dict[str, Any]:
    """Swap to the registry's active model unless pinned or already serving it; says what happened."""
    pinned = _pinned(app)
    if pinned:
        return {"swapped": False, "reason": f"the service is pinned to the model {pinned!r} (--model/CLUSTERER_MODEL)"}
    path = registry.path(registry.active_id())
    current = getattr(app.state.model, "path", None)
    if current is not None and Path(current).resolve() == path.resolve():
        return {"swapped": False, "reason": "already serving it"}
    swap_model(app, path)
    return {"swapped": True}


# -- endpoints ---------------------------------------------------------------------------------------------------


@router.post(
    "/v1/labels",
    status_code=201,
    response_model=LabelsOut,
    tags=["labels"],
    responses={422: {"model": Problem, "description": "Unknown category or invalid label"}},
)
async def post_labels(body: LabelsIn, store: Annotated[LabelStore, Depends(get_store)]) -> LabelsOut:
    """Store labels (all or none). Give each failure's canonical text, or its raw traceback and message."""
    from clusterer.normalize import canonicalize

    labels = [
        Label(
            test=item.test,
            category=item.category,
            text=item.text or canonicalize(item.traceback, item.message, item.test),
            traceback=item.traceback,
            message=item.message,
            source=item.source,
            run=item.run,
        )
        for item in body.labels
    ]
    if any(not lab.text.strip() for lab in labels):
        raise HTTPException(422, "a label needs its text, or a traceback or message to compute it from")
    try:
        stored = await anyio.to_thread.run_sync(lambda: store.add_labels(labels, author=body.author or "service"))
    except StoreError as exc:
        raise HTTPException(422, str(exc)) from None
    return LabelsOut(stored=len(stored), ids=[lab.id for lab in stored if lab.id is not None])


@router.post(
    "/v1/retrain", status_code=202, response_model=JobOut, tags=["models"], responses={422: {"model": Problem}}
)
async def post_retrain(
    request: Request,
    store: Annotated[LabelStore, Depends(get_store)],
    registry: Annotated[Registry, Depends(get_registry)],
    body: RetrainIn | None = None,
) -> JobOut:
    """Train a new model version from the bundled exemplars and the stored labels, in the background.

    Returns the job at once; ``GET /v1/jobs/{id}`` says when it is done, with the figures and whether the new
    version was activated (and this worker swapped to it).
    """
    body = body or RetrainIn()
    from clusterer.train import EMBEDDERS

    if body.embedder not in EMBEDDERS:
        raise HTTPException(422, f"unknown embedder {body.embedder!r}: this clusterer trains {', '.join(EMBEDDERS)}")
    app: FastAPI = request.app
    params = {**body.model_dump(), "worker": worker_identity()}
    job = await anyio.to_thread.run_sync(lambda: store.create_job("retrain", params))
    executor: ThreadPoolExecutor = app.state.retrain_executor
    executor.submit(_run_retrain, app, store, registry, job.id, body)
    return JobOut(**job.to_dict(), url=f"/v1/jobs/{job.id}")


def _run_retrain(app: FastAPI, store: LabelStore, registry: Registry, job_id: str, body: RetrainIn) -> None:
    from clusterer.registry import train_and_register

    try:
        store.update_job(job_id, status="running")
        report = train_and_register(
            store, registry=registry, embedder=body.embedder, activate=body.activate, force=body.force
        )
        if report.get("activated"):
            report["service"] = _follow_registry(app, registry)
        report.pop("path", None)
        store.update_job(job_id, status="done", result=report)
    except (ClustererError, OSError, ValueError) as exc:
        log.warning("retrain job %s failed: %s", job_id, exc)
        store.update_job(job_id, status="failed", error=" ".join(str(exc).split())[:2000])
    except Exception as exc:  # a job must end in a state a client can read
        log.exception("retrain job %s crashed", job_id)
        store.update_job(job_id, status="failed", error=f"internal error: {type(exc).__name__}")


@router.get("/v1/jobs/{job_id}", response_model=JobOut, tags=["models"], responses={404: {"model": Problem}})
async def get_job(job_id: str, store: Annotated[LabelStore, Depends(get_store)]) -> JobOut:
    """A background job: queued, running, done (with its result) or failed (with the reason)."""
    job = await anyio.to_thread.run_sync(store.job, job_id)
    if job is None:
        raise HTTPException(404, f"no job {job_id!r}")
    return JobOut(**job.to_dict(), url=f"/v1/jobs/{job.id}")


@router.get("/v1/models", tags=["models"])
async def get_models(request: Request, registry: Annotated[Registry, Depends(get_registry)]) -> dict[str, Any]:
    """Every model (bundled and registered) with its held-out figures, the active one, and what this worker
    serves."""
    entries = await anyio.to_thread.run_sync(registry.entries)
    model = request.app.state.model
    return {
        "active": registry.active_id(),
        "serving": model.info() if model is not None else None,
        "pinned": _pinned(request.app),
        "models": [e.summary() for e in entries],
    }


@router.post(
    "/v1/models/{model_id}/activate",
    tags=["models"],
    responses={404: {"model": Problem}, 409: {"model": Problem, "description": "Scores worse"}},
)
async def activate_model(
    model_id: str,
    request: Request,
    registry: Annotated[Registry, Depends(get_registry)],
    body: ActivateIn | None = None,
) -> dict[str, Any]:
    """Activate a model (refused with 409 if it scores worse on the shared evaluation, unless ``force``) and
    swap this worker to it; other workers follow within a few seconds."""
    force = body.force if body else False
    try:
        registry.path(model_id)
    except ModelError as exc:
        raise HTTPException(404, str(exc)) from None

    def work() -> dict[str, Any]:
        res = registry.activate(model_id, force=force)
        res["service"] = _follow_registry(request.app, registry)
        return res

    try:
        res = await anyio.to_thread.run_sync(work)
    except ActivationRefused as exc:
        raise HTTPException(409, str(exc)) from None
    except (ModelError, InputError) as exc:
        raise HTTPException(422, str(exc)) from None
    return res


# -- jobs whose process is gone ---------------------------------------------------------------------------------


def _process_start(pid: int) -> str | None:
    """When process ``pid`` started (clock ticks since boot, from /proc), or ``None`` where that cannot be read."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return None


def worker_identity() -> dict[str, Any]:
    """This process as a job records it: host, pid and start time (so a pid reused later does not match)."""
    return {"host": socket.gethostname(), "pid": os.getpid(), "started": _process_start(os.getpid())}


def _owner_alive(owner: dict[str, Any]) -> bool | None:
    """Whether the process that took a job still runs: ``None`` when it cannot be told (another host)."""
    if owner.get("host") != socket.gethostname():
        return None
    pid = owner.get("pid")
    if not isinstance(pid, int) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # exists, another user's
    started = owner.get("started")
    return started is None or _process_start(pid) == started


def fail_orphaned_jobs(store: LabelStore) -> list[str]:
    """Mark failed, with the reason, every queued or running job whose process is gone; their ids.

    A job is run by the worker process that accepted it (``params.worker``); when that process is killed or
    restarted, nobody will finish the job, and without this it would say ``running`` forever. Jobs of live
    processes, and of other hosts sharing the store (whose processes cannot be seen from here), are left alone;
    jobs recorded before workers were tracked are failed.
    """
    failed = []
    for job in store.jobs(("queued", "running")):
        owner = job.params.get("worker")
        if isinstance(owner, dict):
            if _owner_alive(owner) is not False:
                continue
            who = f"worker pid {owner.get('pid')} on {owner.get('host')}"
        else:
            who = "a service that did not record its worker"
        store.update_job(
            job.id,
            status="failed",
            error=f"interrupted: {who} stopped while the job was {job.status}; retry with POST /v1/retrain",
        )
        failed.append(job.id)
    return failed


def _sweep_jobs(app: FastAPI) -> None:
    store: LabelStore | None = getattr(app.state, "label_store", None)
    if store is None:
        store = LabelStore()
        if store.path is not None and not store.path.exists():
            return  # no SQLite store yet: no job either (and no file created just to look)
    for job_id in fail_orphaned_jobs(store):
        log.warning("retrain job %s marked failed: its worker process is gone", job_id)


# -- mounting ----------------------------------------------------------------------------------------------------


async def _watch_registry(app: FastAPI, registry: Registry, interval: float) -> None:
    """Follow activations made elsewhere (another worker, the CLI): swap when the state file changes."""
    state_file = registry.root / STATE
    seen = None
    while True:
        try:
            stamp = state_file.stat().st_mtime_ns if state_file.exists() else None
            if stamp != seen:
                seen = stamp
                if stamp is not None and app.state.model is not None:
                    await anyio.to_thread.run_sync(_follow_registry, app, registry)
        except (ClustererError, OSError, ValueError) as exc:
            log.warning("registry watch: %s", " ".join(str(exc).split()))
        await asyncio.sleep(interval)


def mount(app: FastAPI, *, watch_interval: float = WATCH_INTERVAL) -> FastAPI:
    """Add the labels/retrain/models endpoints to ``app`` and, while it runs, a registry watcher and a
    one-thread retraining executor. :func:`clusterer.service.app.create_app` calls it; a second call does nothing."""
    if getattr(app.state, "retrain_mounted", False):
        app.state.watch_interval = watch_interval
        return app
    app.state.retrain_mounted, app.state.watch_interval = True, watch_interval
    app.include_router(router)
    inner = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(a: FastAPI) -> AsyncIterator[Any]:
        a.state.retrain_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="clusterer-retrain")
        async with inner(a) as state:
            registry = getattr(a.state, "registry", None) or Registry()
            a.state.registry = registry
            if a.state.model is not None:
                a.state.served_path = str(a.state.model.path)
            try:
                await anyio.to_thread.run_sync(_sweep_jobs, a)
            except (ClustererError, OSError, ValueError) as exc:  # never keeps the service from starting
                log.warning("could not look for interrupted retrain jobs: %s", " ".join(str(exc).split()))
            task = asyncio.create_task(_watch_registry(a, registry, a.state.watch_interval))
            try:
                yield state
            finally:
                task.cancel()
                a.state.retrain_executor.shutdown(wait=False, cancel_futures=True)

    app.router.lifespan_context = lifespan
    return app


__all__ = ["fail_orphaned_jobs", "mount", "router", "swap_model", "worker_identity"]
