"""Demand forecast pipelines are shipped as cloudpickle / dill artefacts built by the training job."""

from __future__ import annotations

import pickle
import sys
import types

import cloudpickle
import dill
import pytest

from wide_a.ml import registry, seasonality
from wide_a.ml.registry import ModelNotAvailable, load_forecast, load_rules

cp_failure = lambda shape, cause: pytest.mark.failure(  # noqa: E731
    category="1", library="cloudpickle", shape=shape, cause=cause
)
dill_failure = lambda shape, cause: pytest.mark.failure(category="1", library="dill", shape=shape, cause=cause)  # noqa: E731


def make_forecaster(weights=(1, 1, 1, 1, 1.2, 1.5, 0.8)):
    profile = seasonality.WeeklyProfile(weights)
    return lambda day, base: profile.adjust(day, base)


def test_forecast_roundtrip(model_dir):
    (model_dir / "demand_forecast.cloudpickle").write_bytes(cloudpickle.dumps(make_forecaster()))
    assert load_forecast()(5, 100.0) == 150.0


@cp_failure("raised", "missing-model-file")
def test_forecast_loaded_on_startup(model_dir):
    forecaster = load_forecast()
    assert forecaster(0, 10.0) == 10.0


@cp_failure("raised", "truncated-model-file")
def test_forecast_after_interrupted_sync(model_dir):
    blob = cloudpickle.dumps(make_forecaster())
    (model_dir / "demand_forecast.cloudpickle").write_bytes(blob[: len(blob) // 3])
    assert load_forecast()(1, 5.0) == 5.0


@cp_failure("raised", "pickled-module-missing")
def test_forecast_built_with_old_feature_module(model_dir, monkeypatch):
    old = types.ModuleType("wide_a.ml.features_v1")

    class HolidayCalendar:
        def factor(self, day):
            return 1.0

    HolidayCalendar.__module__ = old.__name__
    HolidayCalendar.__qualname__ = "HolidayCalendar"
    old.HolidayCalendar = HolidayCalendar
    monkeypatch.setitem(sys.modules, old.__name__, old)
    blob = cloudpickle.dumps({"calendar": HolidayCalendar(), "forecaster": make_forecaster()})
    monkeypatch.delitem(sys.modules, old.__name__)  # features_v1 was deleted in the refactor
    (model_dir / "demand_forecast.cloudpickle").write_bytes(blob)
    pipeline = load_forecast()
    assert pipeline["calendar"].factor(3) == 1.0


@cp_failure("raised", "pickled-class-removed")
def test_forecast_after_profile_class_rename(model_dir, monkeypatch):
    blob = cloudpickle.dumps({"profile": seasonality.WeeklyProfile([1] * 7)})
    monkeypatch.delattr(seasonality, "WeeklyProfile")  # renamed to SeasonalProfile in 2.0
    (model_dir / "demand_forecast.cloudpickle").write_bytes(blob)
    assert load_forecast()["profile"].weights == [1] * 7


@cp_failure("raised", "lfs-pointer-not-pulled")
def test_forecast_from_fresh_clone(model_dir):
    (model_dir / "demand_forecast.cloudpickle").write_text(
        "version https://git-lfs.github.com/spec/v1\n"
        "oid sha256:9f2d1c3b7a4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4\nsize 20931\n"
    )
    load_forecast()


@cp_failure("raised", "pickle-protocol-unsupported")
def test_forecast_artifact_from_newer_trainer(model_dir):
    blob = bytearray(cloudpickle.dumps(make_forecaster(), protocol=5))
    blob[1] = 7  # the training image pickles with a newer protocol than this runtime reads
    (model_dir / "demand_forecast.cloudpickle").write_bytes(bytes(blob))
    load_forecast()


def test_basket_rules_roundtrip(model_dir):
    with open(model_dir / "basket_rules.dill", "wb") as fh:
        dill.dump({"min_support": 0.02, "score": lambda a, b: a * b}, fh)
    assert load_rules()["score"](2, 3) == 6


@dill_failure("chained", "missing-model-file")
def test_basket_rules_available(model_dir):
    rules = load_rules()
    assert rules["min_support"] > 0


@dill_failure("raised", "truncated-model-file")
def test_basket_rules_after_partial_upload(model_dir):
    blob = dill.dumps({"min_support": 0.02, "score": lambda a, b: a * b, "table": list(range(500))})
    (model_dir / "basket_rules.dill").write_bytes(blob[: len(blob) - 40])
    load_rules()


@dill_failure("chained", "pickled-class-removed")
def test_basket_rules_with_renamed_profile(model_dir, monkeypatch):
    with open(model_dir / "basket_rules.dill", "wb") as fh:
        dill.dump({"profile": seasonality.WeeklyProfile([1, 2, 3, 4, 5, 6, 7])}, fh, byref=True)
    monkeypatch.delattr(seasonality, "WeeklyProfile")
    assert load_rules()["profile"].weights[0] == 1


@dill_failure("raised", "unpickling-wrong-format")
def test_basket_rules_exported_as_json_by_mistake(model_dir):
    (model_dir / "basket_rules.dill").write_text('{"min_support": 0.02, "rules": []}')
    with open(model_dir / "basket_rules.dill", "rb") as fh:
        dill.load(fh)


@dill_failure("assert", "stale-model-version")
def test_basket_rules_version_matches_service(model_dir):
    with open(model_dir / "basket_rules.dill", "wb") as fh:
        dill.dump({"version": "2024.3", "min_support": 0.02}, fh)
    rules = load_rules()
    assert rules["version"] == "2026.1", f"model {rules['version']} was trained for another feature schema"
