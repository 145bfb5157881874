import json
from pathlib import Path

import jsonschema
import pytest
from gensim.models import Word2Vec
from pydantic import BaseModel, Field

from .metrics import load_thresholds

CONFIG = Path(__file__).with_name("config")


class ReorderRequest(BaseModel):
    sku: str
    quantity: int = Field(gt=0)


@pytest.mark.failure(category="other", library="json", dist=None, shape="raised", cause="invalid-json-in-repo-config")
def test_alert_thresholds_file():
    assert load_thresholds(CONFIG / "thresholds.json")["churn_auc_min"] >= 0.7


@pytest.mark.failure(category="other", library="jsonschema", shape="raised", cause="repo-config-violates-schema")
def test_feature_flags_file_is_valid():
    schema = json.loads((CONFIG / "flags.schema.json").read_text())
    jsonschema.validate(json.loads((CONFIG / "flags.json").read_text()), schema)


@pytest.mark.failure(category="other", library="pydantic", shape="raised", cause="input-validation-rejects-zero")
def test_reorder_request_for_backorder():
    assert ReorderRequest(sku="SKU-7", quantity=0).quantity == 0


@pytest.mark.failure(category="other", library="gensim", shape="raised", cause="out-of-vocabulary-lookup")
def test_similar_words_for_refund():
    corpus = [["refund", "order", "late"], ["order", "late", "parcel"]] * 10
    model = Word2Vec(corpus, vector_size=8, min_count=1, seed=1, workers=1)
    assert model.wv.most_similar("refunds", topn=1)
