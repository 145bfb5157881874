"""Weights exported with safetensors."""

from __future__ import annotations

import json
import struct

import pytest
import torch
from safetensors import safe_open
from safetensors.torch import load_file, load_model, save_file

from ml_ws.mlapp.nets import PriceForecaster


@pytest.fixture
def weights(model_dir):
    path = model_dir / "forecaster.safetensors"
    save_file(PriceForecaster().state_dict(), str(path))
    return path


@pytest.mark.failure(category="1", library="safetensors", shape="raised", cause="missing-model-file")
def test_forecaster_safetensors_present(model_dir):
    state = load_file(str(model_dir / "forecaster.safetensors"))
    assert "head.weight" in state


@pytest.mark.failure(category="1", library="safetensors", shape="raised", cause="lfs-pointer-not-pulled")
def test_forecaster_safetensors_from_lfs(model_dir, lfs_pointer):
    (model_dir / "forecaster.safetensors").write_bytes(lfs_pointer)
    load_file(str(model_dir / "forecaster.safetensors"))


@pytest.mark.failure(category="1", library="safetensors", shape="raised", cause="corrupt-header")
def test_forecaster_safetensors_bad_header(model_dir):
    header = json.dumps({"head.weight": {"dtype": "F32", "shape": [1, 16], "data_offsets": [0, 64]}})
    header = header[:-3]  # cut while the exporter was still writing
    (model_dir / "forecaster.safetensors").write_bytes(struct.pack("<Q", len(header)) + header.encode() + b"\0" * 64)
    load_file(str(model_dir / "forecaster.safetensors"))


@pytest.mark.failure(category="1", library="safetensors", shape="raised", cause="truncated-model-file")
def test_forecaster_safetensors_truncated(weights):
    data = weights.read_bytes()
    weights.write_bytes(data[: len(data) - 100])
    state = load_file(str(weights))
    assert state


@pytest.mark.failure(category="1", library="safetensors", shape="raised", cause="missing-tensor-key")
def test_forecaster_head_tensor(weights):
    with safe_open(str(weights), framework="pt") as fh:
        head = fh.get_tensor("heads.0.weight")
    assert head.shape == (1, 16)


@pytest.mark.failure(category="1", library="safetensors", shape="raised", cause="state-dict-size-mismatch")
def test_forecaster_load_model_wider(weights):
    model = PriceForecaster(hidden=24)
    load_model(model, str(weights))
    assert model(torch.zeros(1, 8)).shape == (1, 1)


@pytest.mark.failure(category="1", library="safetensors", shape="raised", cause="state-dict-key-mismatch")
def test_forecaster_load_model_strict(model_dir):
    path = model_dir / "forecaster.safetensors"
    save_file({k: v for k, v in PriceForecaster().state_dict().items() if k.startswith("encoder")}, str(path))
    model = PriceForecaster()
    missing, unexpected = load_model(model, str(path), strict=False)
    assert not missing, f"checkpoint lacks {missing}"
