"""Item/user embeddings stored as .npy/.npz next to the models."""

from __future__ import annotations

import numpy as np
import pytest


class EmbeddingStore:
    def __init__(self, path):
        self.path = path
        self._data = None

    def load(self):
        self._data = np.load(self.path)
        return self

    def vector(self, key: str, idx: int) -> np.ndarray:
        return self._data[key][idx]


@pytest.mark.failure(category="1", library="numpy", shape="raised", cause="missing-model-file")
def test_item_embeddings_load(model_dir):
    store = EmbeddingStore(model_dir / "item_embeddings.npz").load()
    assert store.vector("items", 0).shape == (64,)


@pytest.mark.failure(category="1", library="numpy", shape="raised", cause="allow-pickle-disabled")
def test_vocabulary_load(model_dir):
    vocab = np.array([{"AAPL": 0}, {"MSFT": 1}], dtype=object)
    np.save(model_dir / "vocab.npy", vocab, allow_pickle=True)
    loaded = np.load(model_dir / "vocab.npy")
    assert len(loaded) == 2


@pytest.mark.failure(category="1", library="numpy", shape="raised", cause="missing-array-key")
def test_user_embeddings_key(model_dir):
    np.savez(model_dir / "item_embeddings.npz", items=np.zeros((10, 64)), item_bias=np.zeros(10))
    store = EmbeddingStore(model_dir / "item_embeddings.npz").load()
    assert store.vector("users", 3).shape == (64,)


@pytest.mark.failure(category="1", library="numpy", shape="raised", cause="truncated-model-file")
def test_embedding_matrix_truncated(model_dir):
    path = model_dir / "item_embeddings.npy"
    np.save(path, np.ones((500, 64), dtype=np.float32))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    emb = np.load(path)
    assert emb.shape == (500, 64)


@pytest.mark.failure(category="1", library="numpy", shape="raised", cause="lfs-pointer-not-pulled")
def test_embedding_matrix_lfs_pointer(model_dir, lfs_pointer):
    path = model_dir / "item_embeddings.npy"
    path.write_bytes(lfs_pointer)
    np.load(path)


@pytest.mark.failure(category="1", library="numpy", shape="assert", cause="stale-model-artifact")
def test_embedding_dimension_matches_model(model_dir):
    np.save(model_dir / "item_embeddings.npy", np.zeros((1000, 32), dtype=np.float32))  # v2 embeddings
    emb = np.load(model_dir / "item_embeddings.npy")
    assert emb.shape == (1000, 64)


@pytest.mark.failure(category="1", library="numpy", shape="raised", cause="model-too-large")
def test_similarity_matrix_precompute(model_dir):
    n_items = 3_000_000
    sim = np.zeros((n_items, n_items), dtype=np.float32)
    assert sim.shape[0] == n_items
