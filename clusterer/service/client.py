"""``cluster classify --server URL``: upload results files to a running service instead of classifying here."""

from __future__ import annotations

import os
from collections.abc import Sequence
from contextlib import ExitStack
from pathlib import Path

from clusterer.errors import ClustererError, InputError, InputKind, ModelError
from clusterer.schema import ClassifyResult

#: Environment variables the client takes its bearer token from, first set wins.
TOKEN_ENV = ("CLUSTERER_CLASSIFY_TOKEN", "CLUSTERER_TOKEN")


class ServiceError(ClustererError):
    """The service could not be reached or refused the request."""

    exit_code = 2


def classify_remote(server: str, files: Sequence[Path], *, timeout: float = 120.0) -> ClassifyResult:
    """POST ``files`` as one multipart request (one run per file) and return the service's answer.

    Each part is named by the path as given, so the answer's ``sources`` equal a local ``cluster classify``'s.

    Raises
    ------
    InputError
        A file that cannot be opened, or a 4xx answer about the input.
    ModelError
        The service has no ready model.
    ServiceError
        The service is unreachable, answers something else, or refuses the token.
    """
    try:
        import httpx
    except ImportError:
        raise ServiceError("--server needs httpx: pip install 'clusterer[service]'") from None
    url = server.rstrip("/") + "/v1/classify"
    token = next((os.environ[name] for name in TOKEN_ENV if os.environ.get(name)), None)
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    with ExitStack() as stack:
        parts = []
        for file in files:
            try:
                handle = stack.enter_context(open(file, "rb"))
            except OSError as exc:
                raise InputError(str(file), f"cannot read: {exc.strerror or exc}", kind="unreadable") from None
            parts.append(("files", (str(file), handle, "application/octet-stream")))
        try:
            response = httpx.post(url, files=parts, headers=headers, timeout=timeout)
        except httpx.HTTPError as exc:
            raise ServiceError(f"{url}: {type(exc).__name__}: {exc}") from None
    if response.status_code == 200:
        try:
            return ClassifyResult.model_validate_json(response.content)
        except ValueError:
            raise ServiceError(f"{url}: the answer is not a classify result (is this a clusterer service?)") from None
    try:
        detail = str(response.json().get("detail"))
    except (ValueError, AttributeError):
        detail = response.text[:200]
    if response.status_code == 503 and detail.startswith("model not ready"):
        raise ModelError(f"{server}: {detail}")
    if response.status_code in (400, 413, 415, 422):
        kinds: dict[int, InputKind] = {413: "too_large", 422: "shape"}
        kind = kinds.get(response.status_code, "malformed")
        raise InputError("", f"{server} refused the input (HTTP {response.status_code}): {detail}", kind=kind)
    raise ServiceError(f"{url}: HTTP {response.status_code}: {detail}")
