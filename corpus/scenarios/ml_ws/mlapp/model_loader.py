"""Loads the serialized models of the backend from ``MODEL_DIR`` (``ml_models/`` by default)."""

from __future__ import annotations

import logging
import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path

import joblib

log = logging.getLogger(__name__)

DEFAULT_MODEL_DIR = Path(os.environ.get("MODEL_DIR", Path(__file__).parent / "ml_models"))

REQUIRED_MODELS = {
    "recommender": "recommender_v3.joblib",
    "risk_scorer": "risk_scorer.pkl",
    "churn": "churn_gbm.joblib",
    "price_forecaster": "price_forecaster.pt",
}


class ModelError(Exception):
    """Base error of the model registry."""


class ModelNotFoundError(ModelError):
    def __init__(self, name: str, path: Path) -> None:
        super().__init__(f"model {name!r} not found at {path}")
        self.name = name
        self.path = path


class ModelLoadError(ModelError):
    def __init__(self, name: str, path: Path, reason: str) -> None:
        super().__init__(f"could not load model {name!r} from {path}: {reason}")
        self.name = name
        self.path = path


class ModelTooLargeError(ModelError, MemoryError):
    pass


@dataclass
class ModelLoader:
    model_dir: Path = DEFAULT_MODEL_DIR
    max_model_bytes: int = 512 * 1024 * 1024
    registry: dict[str, str] = field(default_factory=lambda: dict(REQUIRED_MODELS))
    _cache: dict[str, object] = field(default_factory=dict, repr=False)

    def path_for(self, name: str) -> Path:
        return Path(self.model_dir) / self.registry[name]

    def validate_models(self) -> list[str]:
        """Names of the registered models whose file is missing."""
        return [name for name in self.registry if not self.path_for(name).exists()]

    def load(self, name: str) -> object:
        if name in self._cache:
            return self._cache[name]
        path = self.path_for(name)
        try:
            size = path.stat().st_size
        except FileNotFoundError as exc:
            raise ModelNotFoundError(name, path) from exc
        if size > self.max_model_bytes:
            raise ModelTooLargeError(
                f"model {name!r} is {size / 2**20:.1f} MiB, over the {self.max_model_bytes / 2**20:.1f} MiB budget"
            )
        try:
            if path.suffix == ".pkl":
                with path.open("rb") as fh:
                    model = pickle.load(fh)
            else:
                model = joblib.load(path)
        except (pickle.UnpicklingError, EOFError, AttributeError, ModuleNotFoundError, ValueError) as exc:
            raise ModelLoadError(name, path, type(exc).__name__) from exc
        log.info("loaded model %s from %s", name, path)
        self._cache[name] = model
        return model

    def load_all(self) -> dict[str, object]:
        return {name: self.load(name) for name in self.registry}
