"""Loads the ranking/recommendation artefacts the API serves and keeps their load status."""

from __future__ import annotations

import logging
import pickle
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import joblib
import numpy as np
import torch
from safetensors.torch import load_file
from skops import io as skops_io
from sklearn.dummy import DummyClassifier

log = logging.getLogger("ranking.registry")


def load_model(path: Path):
    """The model at ``path``, or None when it cannot be read (the API then serves the popularity fallback)."""
    try:
        return joblib.load(path)
    except (OSError, EOFError, pickle.UnpicklingError) as exc:
        log.warning("could not load %s: %s", path, exc)
        return None


@dataclass
class Predictor:
    path: Path
    ready: bool = False
    model: object = None
    error: str | None = None

    def warm_up(self) -> None:
        try:
            with open(self.path, "rb") as fh:
                self.model = pickle.load(fh)
            self.ready = True
        except (pickle.UnpicklingError, EOFError) as exc:
            self.error = f"{type(exc).__name__}: {exc}"
            self.ready = False


@dataclass
class LoadReport:
    loaded: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)


def load_all(directory: Path, names: list[str]) -> tuple[dict[str, object], LoadReport]:
    models, report = {}, LoadReport()
    for name in names:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                models[name] = joblib.load(directory / f"{name}.joblib")
                report.loaded.append(name)
            except Exception as exc:  # noqa: BLE001 - the health endpoint lists the failure
                report.failed[name] = f"{type(exc).__name__}: {exc}"
        report.warnings.extend(str(w.message) for w in caught)
    return models, report


class Registry:
    def __init__(self) -> None:
        self.status: dict[str, str] = {}
        self.models: dict[str, object] = {}

    def load_checkpoint(self, name: str, path: Path) -> None:
        try:
            self.models[name] = torch.load(path)
            self.status[name] = "ready"
        except Exception as exc:  # noqa: BLE001
            self.status[name] = f"failed: {type(exc).__name__}: {str(exc).splitlines()[0]}"

    def load_tensors(self, name: str, path: Path) -> None:
        try:
            self.models[name] = load_file(str(path))
            self.status[name] = "ready"
        except Exception as exc:  # noqa: BLE001
            self.status[name] = f"failed: {type(exc).__name__}: {exc}"

    def load_embeddings(self, name: str, path: Path):
        try:
            self.models[name] = np.load(path)
            self.status[name] = "ready"
        except (ValueError, OSError) as exc:
            self.status[name] = f"failed: {exc}"
            self.models[name] = np.zeros((0,))
        return self.models[name]


def load_classifier(path: Path, trusted: list[str] | None = None):
    """The fraud classifier; when the skops file cannot be loaded the API falls back to the prior."""
    try:
        return skops_io.load(path, trusted=trusted or [])
    except Exception as exc:  # noqa: BLE001
        log.error("falling back to prior classifier: %s", exc)
        fallback = DummyClassifier(strategy="prior")
        fallback.fit([[0.0, 0.0, 0.0, 0.0]], [0])
        return fallback


class Scorer:
    def __init__(self, model) -> None:
        self.model = model

    def score(self, features: list[float]) -> dict:
        try:
            proba = self.model.predict_proba([features])[0][1]
            return {"score": round(float(proba), 3)}
        except ValueError as exc:
            return {"score": None, "error": str(exc)}


class TwoTower(torch.nn.Module):
    def __init__(self, n_features: int = 8, n_labels: int = 5) -> None:
        super().__init__()
        self.encoder = torch.nn.Linear(n_features, 16)
        self.head = torch.nn.Linear(16, n_labels)

    def forward(self, x):
        return self.head(torch.relu(self.encoder(x)))


def build_from_checkpoint(path: Path) -> TwoTower:
    ckpt = torch.load(path, weights_only=True)
    model = TwoTower(ckpt["n_features"], ckpt["n_labels"])
    model.load_state_dict(ckpt["state_dict"])
    return model.eval()


def restore_weights(model: TwoTower, path: Path):
    return model.load_state_dict(torch.load(path, weights_only=True), strict=False)
