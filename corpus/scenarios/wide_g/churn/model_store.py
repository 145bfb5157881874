"""Loads the churn model artefacts that the training pipeline publishes to the model store."""

from __future__ import annotations

import logging
import pickle
from pathlib import Path

import joblib
import numpy as np
import skops.io

log = logging.getLogger(__name__)


class ModelRegistryError(RuntimeError):
    pass


def load_pipeline(path: Path):
    return joblib.load(path)


def load_pickled(path: Path):
    with open(path, "rb") as fh:
        return pickle.load(fh)


def load_skops(path: Path):
    return skops.io.load(path)


def load_embeddings(path: Path) -> np.ndarray:
    return np.load(path)


def load_centroids(path: Path) -> np.ndarray:
    with np.load(path) as archive:
        return archive["centroids"]


def preallocate_scores(n_customers: int, horizon: int) -> np.ndarray:
    return np.zeros((n_customers, horizon), dtype=np.float64)


def fetch_model(path: Path):
    try:
        return load_pickled(path)
    except (pickle.UnpicklingError, EOFError) as exc:
        raise ModelRegistryError(f"model store returned an unreadable artefact: {path.name}") from exc


class ChurnScorer:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.model = None

    def load(self) -> "ChurnScorer":
        try:
            self.model = load_pipeline(self.path)
        except Exception as exc:  # scoring must not block the nightly CRM sync
            log.warning("churn model unavailable (%s); scores will be skipped", exc)
        return self

    def score(self, rows) -> list[float]:
        return self.model.predict_proba(np.asarray(rows, dtype=float))[:, 1].tolist()
