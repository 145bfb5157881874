"""Scenario tests that really fail, each labelled with the failure category it demonstrates.

Every scenario test carries ``@pytest.mark.failure(category=..., library=..., dist=..., shape=..., cause=...)``:

- ``category``: ``"1"``..``"7"`` (the framework's categories) or ``"other"`` (an unrelated cause, a negative).
- ``library``: the library or mechanism the failure comes from (``sqlalchemy``, ``asyncio``, ``respx``...). The
  held-out split of the quality issue is made by this field, so name the mechanism, not the test file.
- ``dist``: the PyPI distribution whose installed version is recorded (defaults to ``library``; ``None`` for
  the standard library).
- ``shape``: ``raised`` (exception inside the library), ``assert`` (pytest assert on a wrong value), ``setup``
  (error in a fixture), ``teardown``, ``timeout`` (pytest-timeout), ``chained`` (explicit chained exceptions),
  ``async`` (traceback through a coroutine).
- ``cause``: a short slug of the concrete cause (``queuepool-timeout``, ``pickle-version-skew``...). For
  negatives it groups failures of the same unrelated cause.

The marker's fields are copied into pytest-json-report's per-test ``metadata`` so that ``corpus/collect.py`` can
write the labelled JSONL.
"""

from __future__ import annotations

import importlib.metadata

import pytest

FIELDS = ("category", "library", "dist", "shape", "cause")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "failure(category, library, shape, cause, dist=...): the label of a failing scenario"
    )


def _label(item: pytest.Item) -> dict[str, str | None] | None:
    marker = item.get_closest_marker("failure")
    if marker is None:
        return None
    label: dict[str, str | None] = {k: marker.kwargs.get(k) for k in FIELDS}
    dist = marker.kwargs.get("dist", label["library"])
    version = None
    if dist:
        try:
            version = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            version = None
    label["dist"] = dist
    label["version"] = version
    return label


def pytest_json_runtest_metadata(item: pytest.Item, call: pytest.CallInfo[None]) -> dict[str, object]:
    label = _label(item)
    return {"label": label} if label else {}
