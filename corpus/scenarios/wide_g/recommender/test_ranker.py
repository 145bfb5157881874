import asyncio
import threading
from collections import OrderedDict
from pathlib import Path

import numpy as np
import pytest
import torch

from .ranker import (
    RankingService,
    TrainingConfig,
    TwoTower,
    embedding_table,
    fairseq_style_args,
    load_checkpoint,
    load_for_serving,
    load_ranker,
    load_ranker_mmap,
    load_scripted,
    wait_for_published,
)

N_USERS, N_ITEMS = 50, 100
MODELS = Path(__file__).parent / "models"

LFS_POINTER = (
    "version https://git-lfs.github.com/spec/v1\n"
    "oid sha256:4d7a9c0b3e8f1a2b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b\n"
    "size 52428800\n"
)


@pytest.fixture
def trained(tmp_path):
    torch.manual_seed(0)
    model = TwoTower(N_USERS, N_ITEMS)
    return model, tmp_path


def test_scores_for_known_user(trained):
    model, tmp = trained
    torch.save(model.state_dict(), tmp / "ranker.pt")
    service = RankingService(tmp / "ranker.pt", N_USERS, N_ITEMS)
    service.warm_up()
    assert len(service.score(3, [1, 2, 3])) == 3


@pytest.mark.failure(category="1", library="torch", shape="raised", cause="weights-only-unsupported-global")
def test_resume_from_training_checkpoint(trained):
    model, tmp = trained
    torch.save(
        {"model": model.state_dict(), "epoch": 12, "config": TrainingConfig(N_USERS, N_ITEMS, 16)},
        tmp / "ckpt-epoch12.pt",
    )
    ckpt = load_checkpoint(tmp / "ckpt-epoch12.pt")
    assert ckpt["epoch"] == 12


@pytest.mark.failure(category="1", library="torch", shape="raised", cause="weights-only-unsupported-global")
def test_checkpoint_written_by_fairseq_trainer(trained):
    model, tmp = trained
    torch.save({"model": model.state_dict(), "args": fairseq_style_args(arch="two_tower", dim=16)}, tmp / "best.pt")
    ckpt = load_checkpoint(tmp / "best.pt")
    assert ckpt["args"].arch == "two_tower"


@pytest.mark.failure(category="1", library="torch", shape="raised", cause="weights-only-numpy-metrics")
def test_checkpoint_with_validation_metrics(trained):
    model, tmp = trained
    torch.save({"model": model.state_dict(), "val_ndcg": np.float64(0.4312), "hist": np.zeros(4)}, tmp / "last.pt")
    ckpt = load_checkpoint(tmp / "last.pt")
    assert ckpt["val_ndcg"] > 0.4


@pytest.mark.failure(category="1", library="torch", shape="raised", cause="state-dict-dataparallel-prefix")
def test_weights_exported_from_multi_gpu_job(trained):
    model, tmp = trained
    wrapped = OrderedDict((f"module.{k}", v) for k, v in model.state_dict().items())
    torch.save(wrapped, tmp / "ranker.pt")
    ranker = load_ranker(tmp / "ranker.pt", N_USERS, N_ITEMS)
    assert ranker.item_emb.num_embeddings == N_ITEMS


@pytest.mark.failure(category="1", library="torch", shape="raised", cause="state-dict-size-mismatch")
def test_weights_after_catalog_growth(trained):
    model, tmp = trained
    torch.save(model.state_dict(), tmp / "ranker.pt")
    ranker = load_ranker(tmp / "ranker.pt", N_USERS, N_ITEMS + 20)
    assert ranker.item_emb.num_embeddings == N_ITEMS + 20


@pytest.mark.failure(category="1", library="torch", shape="chained", cause="state-dict-size-mismatch")
def test_serving_loader_reports_catalog_mismatch(trained):
    model, tmp = trained
    torch.save(model.state_dict(), tmp / "ranker.pt")
    assert load_for_serving(tmp / "ranker.pt", N_USERS + 5, N_ITEMS) is not None


@pytest.mark.failure(category="1", library="torch", shape="raised", cause="state-dict-missing-keys")
def test_weights_from_model_without_head(trained):
    model, tmp = trained
    state = {k: v for k, v in model.state_dict().items() if not k.startswith("head.")}
    torch.save(state, tmp / "ranker.pt")
    assert load_ranker(tmp / "ranker.pt", N_USERS, N_ITEMS).training is False


@pytest.mark.failure(category="1", library="torch.jit", dist="torch", shape="raised", cause="jit-load-of-eager-state-dict")
def test_scripted_ranker_from_export(trained):
    model, tmp = trained
    torch.save(model.state_dict(), tmp / "ranker_scripted.pt")
    scripted = load_scripted(tmp / "ranker_scripted.pt")
    assert scripted(torch.tensor([1]), torch.tensor([2])).shape == (1,)


@pytest.mark.failure(category="1", library="torch.jit", dist="torch", shape="raised", cause="model-file-missing")
def test_scripted_ranker_shipped_with_repo():
    scripted = load_scripted(MODELS / "ranker_scripted.pt")
    assert scripted is not None


@pytest.mark.failure(category="1", library="torch", shape="raised", cause="git-lfs-pointer-instead-of-model")
def test_weights_checked_out_from_lfs(tmp_path):
    (tmp_path / "ranker.pt").write_text(LFS_POINTER)
    assert load_ranker(tmp_path / "ranker.pt", N_USERS, N_ITEMS)


@pytest.mark.failure(category="1", library="torch", shape="raised", cause="truncated-model-file")
def test_weights_from_interrupted_upload(trained):
    model, tmp = trained
    torch.save(model.state_dict(), tmp / "full.pt")
    data = (tmp / "full.pt").read_bytes()
    (tmp / "ranker.pt").write_bytes(data[: len(data) // 2])
    assert load_ranker(tmp / "ranker.pt", N_USERS, N_ITEMS)


@pytest.mark.failure(category="1", library="torch", shape="raised", cause="empty-model-file")
def test_weights_placeholder_file(tmp_path):
    (tmp_path / "ranker.pt").touch()
    assert load_ranker(tmp_path / "ranker.pt", N_USERS, N_ITEMS)


@pytest.mark.failure(category="1", library="torch", shape="raised", cause="mmap-legacy-serialization")
def test_memory_mapped_load_of_legacy_export(trained):
    model, tmp = trained
    torch.save(model.state_dict(), tmp / "ranker.pt", _use_new_zipfile_serialization=False)
    assert load_ranker_mmap(tmp / "ranker.pt", N_USERS, N_ITEMS)


@pytest.fixture
def ranking_service():
    service = RankingService(MODELS / "ranker-v3.pt", N_USERS, N_ITEMS)
    service.model = load_ranker(service.weights, N_USERS, N_ITEMS)
    return service


@pytest.mark.failure(category="1", library="torch", shape="setup", cause="model-file-missing")
def test_top_items_for_user(ranking_service):
    assert len(ranking_service.score(1, [4, 5])) == 2


@pytest.mark.failure(category="1", library="torch", shape="assert", cause="model-not-initialised")
def test_service_warm_up_loads_ranker(trained):
    model, tmp = trained
    torch.save({"state": model.state_dict()}, tmp / "ranker.pt")
    service = RankingService(tmp / "ranker.pt", N_USERS, N_ITEMS)
    service.warm_up()
    assert service.model is not None


@pytest.mark.failure(category="1", library="torch", shape="raised", cause="model-not-initialised")
def test_scores_after_warm_up(tmp_path):
    (tmp_path / "ranker.pt").write_text(LFS_POINTER)
    service = RankingService(tmp_path / "ranker.pt", N_USERS, N_ITEMS)
    service.warm_up()
    assert service.score(1, [2, 3])[0] > -10


@pytest.mark.failure(category="1", library="torch", shape="async", cause="state-dict-size-mismatch")
async def test_async_warm_up(trained):
    model, tmp = trained
    torch.save(model.state_dict(), tmp / "ranker.pt")
    service = RankingService(tmp / "ranker.pt", N_USERS, 80)
    await asyncio.wait_for(service.warm_up_async(), timeout=3)
    assert service.model is not None


@pytest.mark.timeout(2)
@pytest.mark.failure(category="1", library="torch", shape="timeout", cause="model-file-never-published")
def test_service_picks_up_nightly_weights(tmp_path):
    path = wait_for_published(tmp_path / "nightly" / "ranker.pt")
    assert load_ranker(path, N_USERS, N_ITEMS)


@pytest.mark.failure(category="1", library="torch", shape="raised", cause="allocation-exceeds-memory")
def test_embedding_table_for_full_catalog():
    table = embedding_table(vocab=2_000_000_000, dim=512)
    assert table.shape[1] == 512


@pytest.fixture
def exported_ranker(trained):
    model, tmp = trained
    path = tmp / "export.pt"
    yield model, path
    # every export must stay loadable by the serving image, which only allows plain tensors
    torch.load(path, map_location="cpu", weights_only=True)


@pytest.mark.failure(category="1", library="torch", shape="teardown", cause="weights-only-unsupported-global")
def test_export_bundle_for_serving(exported_ranker):
    model, path = exported_ranker
    torch.save({"weights": model.state_dict(), "config": TrainingConfig(N_USERS, N_ITEMS, 16)}, path)
    assert path.stat().st_size > 0
