"""Fixtures shared by the "other" scenarios (failures whose cause is none of the known categories)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

settings.register_profile("scenarios", database=None, derandomize=True, max_examples=200, deadline=None)
settings.load_profile("scenarios")

DATA_DIR = Path(__file__).parent / "data"


@pytest.fixture
def data_dir() -> Path:
    return DATA_DIR


@pytest.fixture
def redis_url() -> str:
    return os.environ.get("OTHER_REDIS_URL", "redis://127.0.0.1:6391/0")
