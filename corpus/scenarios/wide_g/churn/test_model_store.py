import importlib
import pickle

import joblib
import numpy as np
import pytest
from sklearn.ensemble import RandomForestClassifier
from sklearn.exceptions import InconsistentVersionWarning
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from . import features
from .model_store import (
    ChurnScorer,
    fetch_model,
    load_centroids,
    load_embeddings,
    load_pickled,
    load_pipeline,
    load_skops,
    preallocate_scores,
)

LFS_POINTER = (
    "version https://git-lfs.github.com/spec/v1\n"
    "oid sha256:9e1f3c7a2b4d6e8f0a1c3e5b7d9f2a4c6e8b0d2f4a6c8e0b2d4f6a8c0e2b4d6f\n"
    "size 18874368\n"
)

rng = np.random.default_rng(7)
X = rng.normal(size=(60, 5))
y = (X[:, 0] + X[:, 1] > 0).astype(int)


def fitted_pipeline():
    return make_pipeline(features.TenureBuckets(), StandardScaler(), LogisticRegression()).fit(X, y)


def old_training_job_output(model, *renames: tuple[bytes, bytes]) -> bytes:
    """The model as the 2023 training image wrote it (protocol 2, the module layout of that release)."""
    data = pickle.dumps(model, protocol=2)
    for old, new in renames:
        data = data.replace(old, new)
    return data


def test_scores_with_current_pipeline(tmp_path):
    joblib.dump(fitted_pipeline(), tmp_path / "churn.joblib")
    assert len(ChurnScorer(tmp_path / "churn.joblib").load().score(X[:3])) == 3


@pytest.mark.failure(category="1", library="joblib", shape="raised", cause="pickled-class-renamed")
def test_pipeline_from_release_1_9(tmp_path):
    mod = features.__name__.encode()
    (tmp_path / "churn.joblib").write_bytes(
        old_training_job_output(fitted_pipeline(), (mod + b"\nTenureBuckets\n", mod + b"\nTenureBucketer\n"))
    )
    assert load_pipeline(tmp_path / "churn.joblib").predict(X[:2]).shape == (2,)


@pytest.mark.failure(category="1", library="pickle", dist=None, shape="raised", cause="pickled-class-renamed")
def test_pickled_pipeline_from_release_1_9(tmp_path):
    mod = features.__name__.encode()
    (tmp_path / "churn.pkl").write_bytes(
        old_training_job_output(fitted_pipeline(), (mod + b"\nTenureBuckets\n", mod + b"\nTenureBucketer\n"))
    )
    assert load_pickled(tmp_path / "churn.pkl").predict(X[:2]).shape == (2,)


@pytest.mark.failure(category="1", library="pickle", dist=None, shape="raised", cause="sklearn-private-module-renamed")
def test_forest_from_2019_export(tmp_path):
    forest = RandomForestClassifier(n_estimators=3, random_state=0).fit(X, y)
    (tmp_path / "forest.pkl").write_bytes(
        old_training_job_output(forest, (b"sklearn.ensemble._forest\n", b"sklearn.ensemble.forest\n"))
    )
    assert load_pickled(tmp_path / "forest.pkl").n_estimators == 3


@pytest.mark.failure(category="1", library="pickle", dist=None, shape="raised", cause="sklearn-private-module-renamed")
def test_tree_model_from_2019_export(tmp_path):
    forest = RandomForestClassifier(n_estimators=2, random_state=0).fit(X, y)
    (tmp_path / "forest.pkl").write_bytes(
        old_training_job_output(forest.estimators_[0], (b"sklearn.tree._classes\n", b"sklearn.tree.tree\n"))
    )
    assert load_pickled(tmp_path / "forest.pkl").max_depth is None


@pytest.mark.filterwarnings("error::sklearn.exceptions.InconsistentVersionWarning")
@pytest.mark.failure(category="1", library="sklearn", dist="scikit-learn", shape="raised", cause="sklearn-version-skew-warning-as-error")
def test_pipeline_pickled_by_older_sklearn(tmp_path):
    (tmp_path / "churn.joblib").write_bytes(old_training_job_output(fitted_pipeline(), (b"1.9.1", b"1.3.2")))
    assert load_pipeline(tmp_path / "churn.joblib").predict(X[:2]).shape == (2,)


@pytest.mark.failure(category="1", library="sklearn", dist="scikit-learn", shape="assert", cause="sklearn-version-skew-warning")
def test_model_store_loads_without_warnings(tmp_path):
    (tmp_path / "churn.joblib").write_bytes(old_training_job_output(fitted_pipeline(), (b"1.9.1", b"1.3.2")))
    with pytest.warns() as record:
        load_pipeline(tmp_path / "churn.joblib")
    assert [str(w.message)[:90] for w in record if isinstance(w.message, InconsistentVersionWarning)] == []


@pytest.mark.failure(category="1", library="sklearn", dist="scikit-learn", shape="raised", cause="feature-count-skew-after-retrain")
def test_scores_with_new_feature_set(tmp_path):
    joblib.dump(fitted_pipeline(), tmp_path / "churn.joblib")
    with_region = np.column_stack([X[:4], np.ones(4)])
    assert len(load_pipeline(tmp_path / "churn.joblib").predict_proba(with_region)) == 4


@pytest.mark.failure(category="1", library="joblib", shape="raised", cause="git-lfs-pointer-instead-of-model")
def test_pipeline_checked_out_from_lfs(tmp_path):
    (tmp_path / "churn.joblib").write_text(LFS_POINTER)
    assert load_pipeline(tmp_path / "churn.joblib") is not None


@pytest.mark.failure(category="1", library="joblib", shape="raised", cause="truncated-compressed-model")
def test_compressed_pipeline_from_partial_sync(tmp_path):
    joblib.dump(fitted_pipeline(), tmp_path / "full.joblib.gz", compress=("gzip", 3))
    data = (tmp_path / "full.joblib.gz").read_bytes()
    (tmp_path / "churn.joblib.gz").write_bytes(data[: len(data) - 200])
    assert load_pipeline(tmp_path / "churn.joblib.gz") is not None


@pytest.mark.failure(category="1", library="pickle", dist=None, shape="raised", cause="truncated-model-file")
def test_model_from_interrupted_copy(tmp_path):
    data = pickle.dumps(fitted_pipeline())
    (tmp_path / "churn.pkl").write_bytes(data[: len(data) // 3])
    assert load_pickled(tmp_path / "churn.pkl") is not None


@pytest.mark.failure(category="1", library="pickle", dist=None, shape="raised", cause="empty-model-file")
def test_model_placeholder_in_store(tmp_path):
    (tmp_path / "churn.pkl").write_bytes(b"")
    assert load_pickled(tmp_path / "churn.pkl") is not None


@pytest.mark.failure(category="1", library="pickle", dist=None, shape="chained", cause="git-lfs-pointer-instead-of-model")
def test_fetch_model_from_store(tmp_path):
    (tmp_path / "churn.pkl").write_text(LFS_POINTER)
    assert fetch_model(tmp_path / "churn.pkl") is not None


@pytest.mark.failure(category="1", library="skops", shape="raised", cause="skops-untrusted-type")
def test_secure_format_export(tmp_path):
    import skops.io

    skops.io.dump(fitted_pipeline(), tmp_path / "churn.skops")
    assert load_skops(tmp_path / "churn.skops").predict(X[:2]).shape == (2,)


@pytest.mark.failure(category="1", library="joblib", shape="assert", cause="model-not-initialised")
def test_scorer_loads_published_model(tmp_path):
    (tmp_path / "churn.joblib").write_bytes(b"\x00\x00\x00\x00" * 16)
    scorer = ChurnScorer(tmp_path / "churn.joblib").load()
    assert scorer.model is not None, "churn model was not loaded"


@pytest.mark.failure(category="1", library="joblib", shape="raised", cause="model-not-initialised")
def test_nightly_scores_for_customers(tmp_path):
    scorer = ChurnScorer(tmp_path / "models" / "churn-2026-11.joblib").load()
    assert all(0 <= s <= 1 for s in scorer.score(X[:5]))


@pytest.fixture
def quarterly_loader():
    return importlib.import_module(f"{__package__}.legacy_export").quarterly_loader()


@pytest.mark.failure(category="1", library="sklearn", dist="scikit-learn", shape="setup", cause="sklearn-externals-joblib-removed")
def test_quarterly_rescore(quarterly_loader, tmp_path):
    assert quarterly_loader(tmp_path / "q3.pkl") is not None


@pytest.mark.failure(category="1", library="numpy", shape="raised", cause="npy-allow-pickle-false")
def test_customer_embeddings(tmp_path):
    np.save(tmp_path / "emb.npy", np.array([{"id": 1, "vec": [0.1, 0.2]}], dtype=object), allow_pickle=True)
    assert load_embeddings(tmp_path / "emb.npy").shape == (1,)


@pytest.mark.failure(category="1", library="numpy", shape="raised", cause="npz-missing-array")
def test_segment_centroids(tmp_path):
    np.savez(tmp_path / "segments.npz", centers=np.zeros((4, 5)), labels=np.arange(4))
    assert load_centroids(tmp_path / "segments.npz").shape == (4, 5)


@pytest.mark.failure(category="1", library="numpy", shape="raised", cause="git-lfs-pointer-instead-of-model")
def test_embeddings_checked_out_from_lfs(tmp_path):
    (tmp_path / "emb.npy").write_text(LFS_POINTER)
    assert load_embeddings(tmp_path / "emb.npy").ndim == 2


@pytest.mark.failure(category="1", library="numpy", shape="raised", cause="truncated-model-file")
def test_embeddings_from_partial_sync(tmp_path):
    np.save(tmp_path / "full.npy", rng.normal(size=(200, 32)))
    data = (tmp_path / "full.npy").read_bytes()
    (tmp_path / "emb.npy").write_bytes(data[:9000])
    assert load_embeddings(tmp_path / "emb.npy").shape == (200, 32)


@pytest.mark.failure(category="1", library="numpy", shape="raised", cause="allocation-exceeds-memory")
def test_score_matrix_for_all_customers():
    scores = preallocate_scores(n_customers=40_000_000_000, horizon=52)
    assert scores.shape[1] == 52
