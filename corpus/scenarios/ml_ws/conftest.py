"""Fixtures of the ML model and WebSocket scenarios (real libraries, real servers on 127.0.0.1)."""

from __future__ import annotations

import os

os.environ.setdefault("KERAS_BACKEND", "torch")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402


@pytest.fixture
def model_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty ``ml_models/`` directory, as on a fresh checkout where the models were not pulled."""
    d = tmp_path / "ml_models"
    d.mkdir()
    monkeypatch.setenv("MODEL_DIR", str(d))
    return d


LFS_POINTER = (
    b"version https://git-lfs.github.com/spec/v1\n"
    b"oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\n"
    b"size 48213\n"
)


@pytest.fixture
def lfs_pointer() -> bytes:
    return LFS_POINTER


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "feed(**settings): FeedSettings of the price feed server fixture")
