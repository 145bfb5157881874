import numpy as np
import pytest
import torch
from tokenizers import Tokenizer, models, pre_tokenizers

from .metrics import Scorer, churn_auc, churn_f1, cosine, order_total, payout_eur, train_churn

rng = np.random.default_rng(5)


@pytest.mark.failure(category="other", library="numpy", shape="raised", cause="test-math-shape-mismatch")
def test_cosine_of_user_and_item_vectors():
    users, items = rng.normal(size=(4, 8)), rng.normal(size=(6, 8))
    expected = (users * items).sum(axis=1)
    assert np.allclose(np.diag(cosine(users, items)), expected)


@pytest.mark.failure(category="other", library="torch", shape="raised", cause="test-math-shape-mismatch")
def test_projection_of_item_embeddings():
    weights = torch.randn(8, 4)
    emb = torch.randn(10, 16)
    assert (emb @ weights).shape == (10, 4)


@pytest.mark.failure(category="other", library="sklearn", dist="scikit-learn", shape="assert", cause="wrong-expected-metric")
def test_f1_of_churn_predictions():
    y_true = [1, 0, 1, 1, 0, 0, 1, 0]
    y_pred = [1, 0, 0, 1, 0, 1, 1, 0]
    assert churn_f1(y_true, y_pred) == 0.8


@pytest.mark.failure(category="other", library="sklearn", dist="scikit-learn", shape="assert", cause="wrong-expected-metric")
def test_auc_of_churn_scores():
    assert churn_auc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == pytest.approx(0.875)


@pytest.mark.failure(category="other", library="sklearn", dist="scikit-learn", shape="raised", cause="inconsistent-sample-count")
def test_train_on_last_quarter():
    X = rng.normal(size=(90, 4))
    y = (rng.random(91) > 0.5).astype(int)
    assert train_churn(X, y).coef_.shape == (1, 4)


@pytest.mark.failure(category="other", library="sklearn", dist="scikit-learn", shape="raised", cause="nan-in-training-data")
def test_train_with_missing_tenure():
    X = rng.normal(size=(40, 3))
    X[3, 1] = np.nan
    y = np.arange(40) % 2
    assert train_churn(X, y).n_features_in_ == 3


@pytest.mark.failure(category="other", library="torch", shape="raised", cause="float-indices-to-embedding")
def test_scores_for_item_ids():
    torch.manual_seed(0)
    model = Scorer()
    ids = torch.tensor([1.0, 4.0, 7.0])
    assert model(ids).shape == (3,)


@pytest.mark.failure(category="other", library="torch", shape="assert", cause="dropout-active-model-not-in-eval")
def test_scores_are_deterministic():
    torch.manual_seed(0)
    model = Scorer()
    ids = torch.tensor([1, 4, 7])
    with torch.no_grad():
        assert torch.equal(model(ids), model(ids))


@pytest.mark.failure(category="other", library="tokenizers", shape="assert", cause="test-expects-normalization-not-configured")
def test_ticket_tokens_are_case_insensitive():
    tok = Tokenizer(models.WordLevel({"[UNK]": 0, "refund": 1, "order": 2}, unk_token="[UNK]"))
    tok.pre_tokenizer = pre_tokenizers.Whitespace()
    assert tok.encode("Refund Order").ids == [1, 2]


@pytest.mark.failure(category="other", library="xgboost", shape="raised", cause="labels-not-zero-based")
def test_priority_classifier_on_ticket_labels():
    import xgboost as xgb

    X = rng.normal(size=(30, 3))
    y = np.array([1, 2, 3] * 10)
    assert xgb.XGBClassifier(n_estimators=2).fit(X, y).n_classes_ == 3


@pytest.mark.failure(category="other", library="payouts-keyerror", dist=None, shape="raised", cause="currency-missing-from-rate-table")
def test_payout_for_swiss_partner():
    lines = [{"amount": 120.0, "currency": "EUR"}, {"amount": 80.0, "currency": "CHF"}]
    assert payout_eur(lines) > 120


@pytest.mark.failure(category="other", library="orders-typeerror", dist=None, shape="raised", cause="nullable-field-not-handled")
def test_order_total_without_discount():
    order = {"items": [{"price_cents": 1200, "quantity": 2, "discount_cents": 100},
                       {"price_cents": 500, "quantity": 1, "discount_cents": None}]}
    assert order_total(order) == 2800


@pytest.mark.failure(category="other", library="float", dist=None, shape="assert", cause="float-rounding")
def test_payout_in_usd_rounds_to_cents():
    assert payout_eur([{"amount": 10.15, "currency": "USD"}] * 3) == 28.02
