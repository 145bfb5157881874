"""Model registry of the recommendation service: resolves artefact names under $MODEL_DIR and loads them."""

from __future__ import annotations

import os
from pathlib import Path

import cloudpickle
import dill


class ModelNotAvailable(RuntimeError):
    pass


ARTEFACTS = {
    "demand_forecast": "demand_forecast.cloudpickle",
    "basket_rules": "basket_rules.dill",
    "churn_catboost": "churn.cbm",
    "ranker_onnx": "ranker.onnx",
}


def model_dir() -> Path:
    return Path(os.environ.get("MODEL_DIR", "ml_models"))


def load_forecast(name: str = "demand_forecast"):
    with open(model_dir() / ARTEFACTS[name], "rb") as fh:
        return cloudpickle.load(fh)


def load_rules(name: str = "basket_rules"):
    path = model_dir() / ARTEFACTS[name]
    try:
        with open(path, "rb") as fh:
            return dill.load(fh)
    except (OSError, EOFError, AttributeError, ModuleNotFoundError) as exc:
        raise ModelNotAvailable(f"cannot load {name} from {path}") from exc
