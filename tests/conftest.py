"""Shared fixtures: the repository's example results and a CLI runner."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "results"


@pytest.fixture(scope="session")
def examples() -> Path:
    return EXAMPLES


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def tiny():
    from clusterer.model import Model

    return Model.load("tiny")


@pytest.fixture(autouse=True)
def _private_clusterer_home(tmp_path_factory, monkeypatch):
    """No test reads or writes the developer's registry or label store (~/.local/share/clusterer): the active
    model there would change every default-model answer."""
    monkeypatch.setenv("CLUSTERER_HOME", str(tmp_path_factory.mktemp("clusterer-home")))
    monkeypatch.delenv("CLUSTERER_DB", raising=False)
    monkeypatch.delenv("CLUSTERER_MODEL", raising=False)
