"""Service configuration, read once from the environment (``cluster serve`` turns its options into these)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from clusterer.errors import ClustererError

#: Environment variables the service reads, with their meaning.
ENV = {
    "CLUSTERER_MODEL": "model directory or bundled model name (default: tiny)",
    "CLUSTERER_TOKEN": "bearer token for state-changing endpoints (unset: those endpoints are refused)",
    "CLUSTERER_CLASSIFY_TOKEN": "bearer token that POST /v1/classify requires (unset: classify is open)",
    "CLUSTERER_MAX_BODY": "largest accepted request body in bytes (default 20 MiB)",
    "CLUSTERER_MAX_FILES": "most results files in one multipart request (default 20)",
    "CLUSTERER_MAX_FAILURES": "most failures classified in one request (default 5000)",
    "CLUSTERER_TIMEOUT": "seconds a classification may take, queueing included (default 30)",
    "CLUSTERER_READ_TIMEOUT": "seconds a client may take to send its body (default 30)",
    "CLUSTERER_CONCURRENCY": "classifications run at once per worker process (default 1)",
}


class SettingsError(ClustererError):
    """A service setting in the environment that is not a valid value."""

    exit_code = 2


def _number(env: Mapping[str, str], name: str, default: float, *, integer: bool = True) -> float:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw) if integer else float(raw)
    except ValueError:
        raise SettingsError(f"{name}={raw!r} is not a {'whole ' if integer else ''}number") from None
    if value <= 0:
        raise SettingsError(f"{name}={raw!r} must be positive")
    return value


@dataclass(frozen=True)
class Settings:
    """Everything the service can be told. Tokens are kept out of ``repr`` so they never reach a log."""

    model: str | None = None
    token: str | None = None
    classify_token: str | None = None
    max_body: int = 20 * 1024 * 1024
    max_files: int = 20
    max_failures: int = 5000
    timeout: float = 30.0
    read_timeout: float = 30.0
    #: 1: classification is CPU-bound Python, so two at once in one process only share its GIL (measured with 2
    #: workers at 8 concurrent clients: 15.6 vs 17.1 ms of CPU per request, p99 128 vs 159 ms); more at once
    #: means more worker processes (``--workers``).
    concurrency: int = 1

    def __repr__(self) -> str:
        return (
            f"Settings(model={self.model!r}, token={'set' if self.token else 'unset'}, "
            f"classify_token={'set' if self.classify_token else 'unset'}, max_body={self.max_body}, "
            f"max_files={self.max_files}, max_failures={self.max_failures}, timeout={self.timeout}, "
            f"read_timeout={self.read_timeout}, concurrency={self.concurrency})"
        )

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Read the settings from ``env`` (default ``os.environ``); see :data:`ENV`.

        Raises
        ------
        SettingsError
            When a number is not a positive number.
        """
        env = os.environ if env is None else env
        return cls(
            model=env.get("CLUSTERER_MODEL") or None,
            token=env.get("CLUSTERER_TOKEN") or None,
            classify_token=env.get("CLUSTERER_CLASSIFY_TOKEN") or None,
            max_body=int(_number(env, "CLUSTERER_MAX_BODY", cls.max_body)),
            max_files=int(_number(env, "CLUSTERER_MAX_FILES", cls.max_files)),
            max_failures=int(_number(env, "CLUSTERER_MAX_FAILURES", cls.max_failures)),
            timeout=_number(env, "CLUSTERER_TIMEOUT", cls.timeout, integer=False),
            read_timeout=_number(env, "CLUSTERER_READ_TIMEOUT", cls.read_timeout, integer=False),
            concurrency=int(_number(env, "CLUSTERER_CONCURRENCY", cls.concurrency)),
        )
