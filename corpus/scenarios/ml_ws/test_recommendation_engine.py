"""Recommendation engine: scikit-learn models loaded from the model directory."""

from __future__ import annotations

import pickle

import joblib
import sklearn
import numpy as np
import pytest
from sklearn.compose import ColumnTransformer
from sklearn.exceptions import NotFittedError
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder
from sklearn.utils.validation import check_is_fitted

from ml_ws.mlapp.recommendation import LABELS, RecommendationEngine, train_default_model, train_forest

HOLDINGS = [
    {"volatility": 0.8, "momentum": 1.4, "pe_ratio": 18.0, "dividend_yield": 0.01, "beta": 1.2, "drawdown": -0.1},
    {"volatility": -0.3, "momentum": 0.2, "pe_ratio": 9.0, "dividend_yield": 0.04, "beta": 0.7, "drawdown": -0.3},
]


@pytest.mark.failure(category="1", library="sklearn", dist="scikit-learn", shape="raised", cause="model-not-fitted")
def test_portfolio_suggestions(model_dir):
    engine = RecommendationEngine(model_dir / "recommender_v3.joblib")
    suggestions = engine.suggest(HOLDINGS)
    assert set(suggestions) <= set(LABELS)


@pytest.mark.failure(category="1", library="sklearn", dist="scikit-learn", shape="setup", cause="model-not-fitted")
class TestRecommendationScores:
    @pytest.fixture
    def engine(self, model_dir):
        engine = RecommendationEngine(model_dir / "recommender_v3.joblib")
        check_is_fitted(engine.model)
        return engine

    def test_scores_are_probabilities(self, engine):
        assert np.allclose(engine.scores(HOLDINGS).sum(axis=1), 1.0)


@pytest.mark.failure(category="1", library="sklearn", dist="scikit-learn", shape="raised", cause="sklearn-version-skew")
@pytest.mark.filterwarnings("error::sklearn.exceptions.InconsistentVersionWarning")
def test_recommender_pickled_with_pinned_sklearn(model_dir):
    # artifact built by the training image, which pins an older scikit-learn
    payload = pickle.dumps(train_default_model()).replace(sklearn.__version__.encode(), b"1.3.2")
    (model_dir / "recommender_v3.joblib").write_bytes(payload)
    engine = RecommendationEngine(model_dir / "recommender_v3.joblib")
    assert engine.suggest(HOLDINGS)


@pytest.mark.failure(category="1", library="sklearn", dist="scikit-learn", shape="raised", cause="sklearn-version-skew")
def test_imputer_from_older_sklearn(model_dir):
    imputer = SimpleImputer(strategy="median").fit(np.array([[1.0, np.nan], [3.0, 4.0], [5.0, 6.0]]))
    # state as written by scikit-learn 1.1, before the attribute existed
    del imputer.__dict__["_fill_dtype"]
    imputer._sklearn_version = "1.1.3"
    joblib.dump(imputer, model_dir / "imputer.joblib")
    loaded = joblib.load(model_dir / "imputer.joblib")
    filled = loaded.transform(np.array([[np.nan, 2.0]]))
    assert filled[0, 0] == 3.0


@pytest.mark.failure(category="1", library="sklearn", dist="scikit-learn", shape="raised", cause="sklearn-version-skew")
def test_sector_encoder_renamed_param(model_dir):
    enc = OneHotEncoder(handle_unknown="ignore").fit(np.array([["tech"], ["energy"], ["health"]]))
    state = enc.__dict__
    state["sparse"] = state.pop("sparse_output")  # pickled before the 1.2 rename
    enc._sklearn_version = "1.0.2"
    path = model_dir / "sector_encoder.pkl"
    path.write_bytes(pickle.dumps(enc))
    with path.open("rb") as fh:
        loaded = pickle.load(fh)
    assert loaded.transform(np.array([["tech"]])).shape == (1, 3)


@pytest.mark.failure(category="1", library="sklearn", dist="scikit-learn", shape="raised", cause="sklearn-version-skew")
def test_forest_from_old_release(model_dir):
    forest = train_forest()
    for tree in forest.estimators_:
        del tree.__dict__["n_outputs_"]
    joblib.dump(forest, model_dir / "risk_forest.joblib")
    model = joblib.load(model_dir / "risk_forest.joblib")
    assert model.predict(np.zeros((1, 6))).shape == (1,)


@pytest.mark.failure(category="1", library="sklearn", dist="scikit-learn", shape="raised", cause="feature-mismatch")
def test_ml_feature_engineering(model_dir):
    # the model artifact was trained on the v4 feature set (8 features); the engine computes 6
    joblib.dump(train_default_model(n_features=8), model_dir / "recommender_v3.joblib")
    engine = RecommendationEngine(model_dir / "recommender_v3.joblib")
    assert len(engine.suggest(HOLDINGS)) == 2


@pytest.mark.failure(category="1", library="sklearn", dist="scikit-learn", shape="assert", cause="stale-model-artifact")
def test_recommender_label_set(model_dir):
    X = np.random.default_rng(1).normal(size=(60, 6))
    stale = LogisticRegression(max_iter=200).fit(X, np.where(X[:, 0] > 0, "buy", "hold"))
    joblib.dump(stale, model_dir / "recommender_v3.joblib")
    engine = RecommendationEngine(model_dir / "recommender_v3.joblib")
    assert list(engine.model.classes_) == sorted(LABELS)


@pytest.mark.failure(category="1", library="sklearn", dist="scikit-learn", shape="assert", cause="model-not-fitted")
def test_recommendation_accuracy(model_dir):
    engine = RecommendationEngine(model_dir / "recommender_v3.joblib")
    try:
        check_is_fitted(engine.model)
        ready = True
    except NotFittedError:
        ready = False
    assert ready, "recommendation model not initialized"


@pytest.mark.failure(category="1", library="pickle", dist=None, shape="raised", cause="lambda-not-picklable")
def test_export_feature_pipeline(model_dir):
    pipeline = make_pipeline(
        ColumnTransformer([("log", FunctionTransformer(lambda x: np.log1p(np.abs(x))), [0, 1])], remainder="passthrough"),
        LogisticRegression(max_iter=200),
    )
    pipeline.fit(*_xy())
    with open(model_dir / "pipeline.pkl", "wb") as fh:
        pickle.dump(pipeline, fh)


def _xy():
    rng = np.random.default_rng(3)
    X = rng.normal(size=(40, 4))
    return X, (X[:, 0] > 0).astype(int)
