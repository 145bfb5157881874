import numpy as np
import pytest

from shop.config import get_settings
from shop.recommender import (
    FEATURES,
    N_CLASSES,
    CustomerProfile,
    Recommender,
    build_features,
    load_model,
    save_model,
    train_model,
)

from .conftest import scaled


@pytest.fixture(scope="session")
def model_root(tmp_path_factory):
    """Train once per session and persist like the release pipeline does."""
    root = tmp_path_factory.mktemp("models")
    save_model(train_model(), root / "ml_models" / "recommender-v1.joblib")
    return root


@pytest.fixture
def recommender(model_root):
    return Recommender.from_settings(get_settings(), base_dir=model_root)


def _profile(i: int) -> CustomerProfile:
    return CustomerProfile(age=25 + i % 40, risk_score=(i % 10) / 10, tenure_years=i % 12,
                           basket_value=50.0 + 13 * i, sector=["retail", "tech", "health"][i % 3])


def test_model_roundtrip(model_root, tmp_path):
    model = load_model(model_root / "ml_models" / "recommender-v1.joblib")
    copy = save_model(model, tmp_path / "copy.joblib")
    X = np.random.default_rng(1).random((20, len(FEATURES)))
    np.testing.assert_allclose(load_model(copy).predict_proba(X), model.predict_proba(X))


def test_training_is_deterministic():
    a, b = train_model(n=800, seed=3), train_model(n=800, seed=3)
    np.testing.assert_allclose(a.coef_, b.coef_)
    assert a.coef_.shape == (N_CLASSES, len(FEATURES))


def test_feature_vector_is_finite():
    assert np.isfinite(build_features(_profile(3))).all()


def test_model_file_present(model_root):
    assert (model_root / "ml_models" / "recommender-v1.joblib").stat().st_size > 500


def test_portfolio_suggestions(recommender):
    suggestions = recommender.top_k(_profile(1), k=3)
    assert len(suggestions) == 3


def test_top_k_unique(recommender):
    suggestions = recommender.top_k(_profile(2), k=N_CLASSES)
    assert sorted(suggestions) == list(range(N_CLASSES))


@pytest.mark.parametrize("customer", scaled(1, 1))
def test_score_customer_profile(model_root, customer):
    rec = Recommender(load_model(model_root / "ml_models" / "recommender-v1.joblib"))
    probs = rec.score(_profile(customer))
    assert probs.shape == (N_CLASSES,)
    assert abs(probs.sum() - 1) < 1e-9
