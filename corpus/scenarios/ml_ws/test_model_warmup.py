"""Model warm-up at application startup (async loading, FastAPI lifespan)."""

from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager

import joblib
import onnxruntime as ort
import pytest
from fastapi import FastAPI, Request
from safetensors.torch import load_file
from starlette.testclient import TestClient

from ml_ws.mlapp.recommendation import train_default_model


class ModelRegistry:
    def __init__(self, model_dir) -> None:
        self.model_dir = model_dir
        self.models: dict[str, object] = {}

    async def _load(self, name: str, loader, filename: str) -> None:
        self.models[name] = await asyncio.to_thread(loader, self.model_dir / filename)

    async def warmup(self) -> None:
        await asyncio.gather(
            self._load("recommender", joblib.load, "recommender_v3.joblib"),
            self._load("risk", lambda p: ort.InferenceSession(str(p), providers=["CPUExecutionProvider"]), "risk.onnx"),
        )

    async def load_embeddings(self) -> None:
        await self._load("encoder", lambda p: load_file(str(p)), "encoder.safetensors")


@pytest.mark.failure(category="1", library="onnxruntime", shape="async", cause="missing-model-file")
@pytest.mark.asyncio
async def test_registry_warmup(model_dir):
    joblib.dump(train_default_model(), model_dir / "recommender_v3.joblib")
    registry = ModelRegistry(model_dir)
    await registry.warmup()
    assert set(registry.models) == {"recommender", "risk"}


@pytest.mark.failure(category="1", library="safetensors", shape="async", cause="lfs-pointer-not-pulled")
@pytest.mark.asyncio
async def test_registry_embeddings(model_dir, lfs_pointer):
    (model_dir / "encoder.safetensors").write_bytes(lfs_pointer)
    registry = ModelRegistry(model_dir)
    await registry.load_embeddings()
    assert "encoder" in registry.models


def create_app(model_dir) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI):
        app.state.recommender = await asyncio.to_thread(joblib.load, model_dir / "recommender_v3.joblib")
        yield

    app = FastAPI(lifespan=lifespan)

    @app.get("/recommendations/{user_id}")
    async def recommendations(user_id: int, request: Request):
        return {"user": user_id, "items": list(request.app.state.recommender.predict([[0.0] * 6]))}

    return app


@pytest.mark.failure(category="1", library="joblib", shape="setup", cause="missing-model-file")
class TestRecommendationsApi:
    @pytest.fixture
    def client(self, model_dir):
        with TestClient(create_app(model_dir)) as client:
            yield client

    def test_recommendations_for_user(self, client):
        assert client.get("/recommendations/7").status_code == 200

