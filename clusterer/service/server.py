"""``cluster serve``: run the app under uvicorn with the service's logging and multiprocess metrics."""

from __future__ import annotations

import copy
import os
import shutil
import tempfile
from typing import Any

from clusterer.errors import ClustererError

from .settings import Settings

APP = "clusterer.service.app:create_app"


def log_config(level: str = "info") -> dict[str, Any]:
    """uvicorn's logging plus ours: one JSON line per request on stderr (``clusterer.service.access``)."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["formatters"]["json_line"] = {"format": "%(message)s"}
    config["handlers"]["access_json"] = {
        "class": "logging.StreamHandler",
        "formatter": "json_line",
        "stream": "ext://sys.stderr",
    }
    config["loggers"]["clusterer.service"] = {"handlers": ["default"], "level": level.upper(), "propagate": False}
    config["loggers"]["clusterer.service.access"] = {"handlers": ["access_json"], "level": "INFO", "propagate": False}
    return config


def serve(
    *, host: str = "127.0.0.1", port: int = 8000, model: str | None = None, workers: int = 1, log_level: str = "info"
) -> None:
    """Run the service until interrupted; every worker builds the app and loads the model once.

    Options travel to the workers through the environment (``CLUSTERER_MODEL``; see
    :data:`clusterer.service.settings.ENV` for the rest), so a worker started by uvicorn's supervisor gets them too.

    Raises
    ------
    ClustererError
        When the service extra is not installed or a setting is invalid.
    """
    try:
        import fastapi  # noqa: F401
        import prometheus_client  # noqa: F401
        import uvicorn
    except ImportError as exc:
        raise ClustererError(
            f"cluster serve needs the service extra ({exc.name} is missing): pip install 'clusterer[service]'"
        ) from None
    if model is not None:
        os.environ["CLUSTERER_MODEL"] = model
    Settings.from_env()  # refuse bad numbers here, with one line, rather than in every worker
    metrics_dir = None
    if workers > 1 and not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        metrics_dir = tempfile.mkdtemp(prefix="clusterer-metrics-")
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = metrics_dir
    try:
        uvicorn.run(
            APP,
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_config=log_config(log_level),
            log_level=log_level,
            access_log=False,
            server_header=False,
            timeout_keep_alive=5,
            timeout_graceful_shutdown=10,
        )
    finally:
        if metrics_dir:
            shutil.rmtree(metrics_dir, ignore_errors=True)
