"""Price forecaster: PyTorch checkpoints."""

from __future__ import annotations

import asyncio
import io
import zipfile

import pytest
import torch
from torch import nn

from ml_ws.mlapp.nets import ForecastConfig, PriceForecaster, load_forecaster


@pytest.fixture
def checkpoint(model_dir):
    torch.manual_seed(0)
    path = model_dir / "price_forecaster.pt"
    torch.save(PriceForecaster().state_dict(), path)
    return path


@pytest.mark.failure(category="1", library="torch", shape="raised", cause="missing-model-file")
def test_forecaster_loads_checkpoint(model_dir):
    model = load_forecaster(model_dir / "price_forecaster.pt")
    assert not model.training


@pytest.mark.failure(category="1", library="torch", shape="raised", cause="truncated-model-file")
def test_forecaster_checkpoint_truncated(checkpoint):
    data = checkpoint.read_bytes()
    checkpoint.write_bytes(data[: len(data) - 200])
    model = load_forecaster(checkpoint)
    assert model is not None


@pytest.mark.failure(category="1", library="torch", shape="raised", cause="lfs-pointer-not-pulled")
def test_forecaster_checkpoint_from_lfs(model_dir, lfs_pointer):
    path = model_dir / "price_forecaster.pt"
    path.write_bytes(lfs_pointer)
    load_forecaster(path)


@pytest.mark.failure(category="1", library="torch", shape="raised", cause="weights-only-unpickler")
def test_forecaster_checkpoint_with_config(model_dir):
    path = model_dir / "price_forecaster.pt"
    torch.save({"state_dict": PriceForecaster().state_dict(), "config": ForecastConfig()}, path)
    model = load_forecaster(path)  # torch>=2.6 defaults to weights_only=True
    assert model.head.out_features == 1


@pytest.mark.failure(category="1", library="torch", shape="raised", cause="weights-only-unpickler")
def test_forecaster_full_model_pickle(model_dir):
    path = model_dir / "price_forecaster_full.pt"
    torch.save(PriceForecaster(), path)  # the notebook saved the whole module, not its state_dict
    restored = torch.load(path, map_location="cpu")
    assert isinstance(restored, PriceForecaster)


@pytest.mark.failure(category="1", library="torch", shape="raised", cause="state-dict-size-mismatch")
def test_forecaster_hidden_size_changed(model_dir):
    path = model_dir / "price_forecaster.pt"
    torch.save(PriceForecaster(hidden=32).state_dict(), path)  # retrained with a wider layer
    model = load_forecaster(path, hidden=16)
    assert model(torch.zeros(1, 8)).shape == (1, 1)


@pytest.mark.failure(category="1", library="torch", shape="raised", cause="state-dict-key-mismatch")
def test_forecaster_checkpoint_from_dataparallel(model_dir):
    path = model_dir / "price_forecaster.pt"
    torch.save(nn.DataParallel(PriceForecaster()).state_dict(), path)  # keys prefixed with "module."
    model = load_forecaster(path)
    assert model is not None


@pytest.mark.failure(category="1", library="torch", shape="raised", cause="state-dict-key-mismatch")
def test_forecaster_multi_horizon_head(model_dir):
    path = model_dir / "price_forecaster.pt"
    sd = PriceForecaster(horizon=5).state_dict()
    sd = {k.replace("head.", "heads.0."): v for k, v in sd.items()}
    torch.save(sd, path)
    model = load_forecaster(path)
    assert model(torch.zeros(2, 8)).shape == (2, 1)


def _as_cuda_checkpoint(path):
    """Rewrite the storage locations of a CPU checkpoint as the GPU trainer writes them."""
    buf = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.endswith("data.pkl"):
                data = data.replace(b"X\x03\x00\x00\x00cpu", b"X\x06\x00\x00\x00cuda:0")
            dst.writestr(info, data)
    path.write_bytes(buf.getvalue())


@pytest.mark.failure(category="1", library="torch", shape="raised", cause="cuda-checkpoint-on-cpu")
def test_forecaster_gpu_trained_checkpoint(checkpoint):
    _as_cuda_checkpoint(checkpoint)
    model = load_forecaster(checkpoint)
    assert model is not None


@pytest.mark.failure(category="1", library="torch", shape="raised", cause="wrong-serialization-format")
def test_forecaster_torchscript_export(checkpoint):
    scripted = torch.jit.load(str(checkpoint))  # the file is a state_dict, not a TorchScript archive
    assert scripted(torch.zeros(1, 8)).shape == (1, 1)


@pytest.mark.failure(category="1", library="torch", shape="raised", cause="checkpoint-dtype-mismatch")
def test_forecaster_half_precision_checkpoint(model_dir):
    path = model_dir / "price_forecaster.pt"
    model = PriceForecaster().to(torch.float64)
    torch.save(model, path)
    restored = torch.load(path, weights_only=False)
    out = restored(torch.randn(4, 8))
    assert out.shape == (4, 1)


@pytest.mark.failure(category="1", library="torch", shape="assert", cause="model-not-in-eval-mode")
def test_forecast_is_deterministic(model_dir):
    path = model_dir / "price_forecaster.pt"
    torch.save(PriceForecaster(dropout=0.5).state_dict(), path)
    model = PriceForecaster(dropout=0.5)
    model.load_state_dict(torch.load(path))  # forgot model.eval()
    x = torch.ones(16, 8)
    torch.manual_seed(1)
    first = model(x)
    second = model(x)
    assert torch.allclose(first, second)


@pytest.mark.failure(category="1", library="torch", shape="raised", cause="model-too-large")
def test_embedding_table_allocation():
    n_items, dim = 2_000_000_000, 4_096  # vocabulary from the production catalogue config
    table = nn.Embedding(n_items, dim)
    assert table.weight.shape == (n_items, dim)


@pytest.mark.failure(category="1", library="torch", shape="setup", cause="state-dict-size-mismatch")
class TestForecastEndpoint:
    @pytest.fixture
    def model(self, model_dir):
        path = model_dir / "price_forecaster.pt"
        torch.save(PriceForecaster(n_features=12).state_dict(), path)
        return load_forecaster(path)

    def test_forecast_shape(self, model):
        assert model(torch.zeros(3, 8)).shape == (3, 1)


class ForecastService:
    def __init__(self, path):
        self.path = path
        self.model = None

    async def startup(self):
        self.model = await asyncio.to_thread(load_forecaster, self.path)

    async def predict(self, rows):
        with torch.no_grad():
            return self.model(torch.tensor(rows, dtype=torch.float32)).squeeze(-1).tolist()


@pytest.mark.failure(category="1", library="torch", shape="async", cause="missing-model-file")
@pytest.mark.asyncio
async def test_forecast_service_startup(model_dir):
    service = ForecastService(model_dir / "price_forecaster.pt")
    await service.startup()
    assert len(await service.predict([[0.0] * 8])) == 1
