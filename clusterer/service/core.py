"""The request-independent part of classify: named payloads in, the CLI's exact answer out.

No web framework here: the app and tests call these, and they call only the functions ``cluster classify`` calls
(:func:`~clusterer.ingest.parse_results`, :func:`~clusterer.pipeline.classify_runs`, the renderers), so the
service's bytes equal the CLI's bytes for the same input.
"""

from __future__ import annotations

from collections.abc import Sequence

from clusterer.errors import InputError
from clusterer.ingest import parse_results
from clusterer.ingest.detect import format_size
from clusterer.model import Model
from clusterer.records import Run
from clusterer.schema import ClassifyResult


class TooManyFailures(InputError):
    """More failures in one request than the service classifies at once."""


def input_status(exc: InputError) -> int:
    """The HTTP status of an input problem, from the kind its raise site gave it: 413 too large, 400 malformed,
    422 unknown shape (see :data:`clusterer.errors.HTTP_STATUS`).

    Examples
    --------
    >>> input_status(InputError("request", "malformed JSON at line 1, column 2: Expecting value", kind="malformed"))
    400
    >>> input_status(InputError("request", "JSON int is not a results file (expected an object or a list)"))
    422
    """
    return exc.http_status


def parse_payloads(payloads: Sequence[tuple[str, bytes]], *, max_bytes: int, max_failures: int) -> list[Run]:
    """Parse each ``(source, bytes)`` payload into a run, in order, and enforce the per-request failure cap.

    Parameters
    ----------
    payloads:
        One ``(source label, raw bytes)`` pair per results file; each is one run.
    max_bytes:
        Largest accepted payload (raw and decompressed).
    max_failures:
        Most failures accepted over all payloads.

    Returns
    -------
    list[Run], one per payload.

    Raises
    ------
    InputError
        A payload that cannot be read; :class:`TooManyFailures` over the cap.
    """
    runs = [
        parse_results(data, source=source, index=i, max_bytes=max_bytes) for i, (source, data) in enumerate(payloads)
    ]
    total = sum(len(r.failures) for r in runs)
    if total > max_failures:
        raise TooManyFailures(
            "request",
            f"{total} failures exceed the per-request cap of {max_failures} "
            "(CLUSTERER_MAX_FAILURES); split the results or raise the cap",
            kind="too_large",
        )
    return runs


def classify_payloads(
    payloads: Sequence[tuple[str, bytes]], model: Model, *, max_bytes: int, max_failures: int
) -> ClassifyResult:
    """Parse and classify named payloads exactly as ``cluster classify`` does with files of those names.

    Examples
    --------
    >>> from clusterer.model import Model
    >>> body = b'[{"test": "t.py::test_a", "text": "ValueError: boom"}]'
    >>> result = classify_payloads([("request", body)], Model.load("tiny"), max_bytes=1000, max_failures=10)
    >>> result.summary.failures, result.summary.sources
    (1, ['request'])
    """
    from clusterer.pipeline import classify_runs

    runs = parse_payloads(payloads, max_bytes=max_bytes, max_failures=max_failures)
    return classify_runs(runs, model)


def render(result: ClassifyResult, fmt: str) -> tuple[str, str]:
    """The answer's text and media type: ``json`` (what ``--format json`` prints) or ``markdown``."""
    from clusterer.report import render_json, render_markdown

    if fmt == "markdown":
        return render_markdown(result), "text/markdown; charset=utf-8"
    return render_json(result), "application/json"


__all__ = ["TooManyFailures", "classify_payloads", "format_size", "input_status", "parse_payloads", "render"]
