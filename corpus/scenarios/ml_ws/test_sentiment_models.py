"""News sentiment: Keras classifier and a local transformers checkpoint."""

from __future__ import annotations

import json

import keras
import numpy as np
import pytest
from transformers import AutoModel, AutoModelForSequenceClassification, AutoTokenizer, BertConfig, BertModel


@keras.saving.register_keras_serializable(package="sentiment")
class AttentionPooling(keras.layers.Layer):
    def call(self, x):
        return keras.ops.mean(x, axis=1)


def _sentiment_net(pooling=True):
    inputs = keras.Input(shape=(5, 4))
    x = AttentionPooling()(inputs) if pooling else keras.layers.GlobalAveragePooling1D()(inputs)
    outputs = keras.layers.Dense(3, activation="softmax")(x)
    return keras.Model(inputs, outputs)


@pytest.mark.failure(category="1", library="keras", shape="raised", cause="missing-model-file")
def test_sentiment_model_loads(model_dir):
    model = keras.models.load_model(model_dir / "sentiment.keras")
    assert model.output_shape == (None, 3)


@pytest.mark.failure(category="1", library="keras", shape="raised", cause="custom-object-not-registered")
def test_sentiment_model_custom_layer(model_dir):
    path = model_dir / "sentiment.keras"
    _sentiment_net().save(path)
    keras.saving.get_custom_objects().pop("sentiment>AttentionPooling")  # serving image doesn't import the layer
    model = keras.models.load_model(path)
    assert model.output_shape == (None, 3)


@pytest.mark.failure(category="1", library="keras", shape="raised", cause="lfs-pointer-not-pulled")
def test_sentiment_model_from_lfs(model_dir, lfs_pointer):
    path = model_dir / "sentiment.keras"
    path.write_bytes(lfs_pointer)
    keras.models.load_model(path)


@pytest.mark.failure(category="1", library="keras", shape="raised", cause="state-dict-size-mismatch")
def test_sentiment_weights_into_new_head(model_dir):
    path = model_dir / "sentiment.weights.h5"
    _sentiment_net(pooling=False).save_weights(path)
    model = keras.Sequential([keras.Input(shape=(5, 4)), keras.layers.GlobalAveragePooling1D(), keras.layers.Dense(5)])
    model.load_weights(path)
    assert model.output_shape == (None, 5)


@pytest.mark.failure(category="1", library="keras", shape="raised", cause="wrong-serialization-format")
def test_sentiment_legacy_savedmodel_dir(model_dir):
    saved = model_dir / "sentiment_savedmodel"
    (saved / "variables").mkdir(parents=True)
    (saved / "saved_model.pb").write_bytes(b"\x08\x01\x12\x00")
    model = keras.models.load_model(saved)
    assert model is not None


def _tiny_bert_dir(path, num_labels=3, with_weights=True):
    config = BertConfig(vocab_size=50, hidden_size=8, num_hidden_layers=1, num_attention_heads=2,
                        intermediate_size=16, num_labels=num_labels)
    if with_weights:
        AutoModelForSequenceClassification.from_config(config).save_pretrained(path)
    else:
        config.save_pretrained(path)
    return path


@pytest.mark.failure(category="1", library="transformers", shape="raised", cause="missing-model-file")
def test_finbert_checkpoint_loads(model_dir):
    model = AutoModelForSequenceClassification.from_pretrained(str(model_dir / "finbert-sentiment"))
    assert model.config.num_labels == 3


@pytest.mark.failure(category="1", library="transformers", shape="raised", cause="missing-weights-file")
def test_finbert_checkpoint_without_weights(model_dir):
    path = _tiny_bert_dir(model_dir / "finbert-sentiment", with_weights=False)
    model = AutoModelForSequenceClassification.from_pretrained(str(path))
    assert model is not None


@pytest.mark.failure(category="1", library="transformers", shape="assert", cause="missing-model-file")
def test_finbert_tokenizer_vocabulary(model_dir):
    path = _tiny_bert_dir(model_dir / "finbert-sentiment")  # vocab.txt was not exported with the weights
    tokenizer = AutoTokenizer.from_pretrained(str(path))
    ids = tokenizer("fed cuts rates", add_special_tokens=False)["input_ids"]
    assert tokenizer.unk_token_id not in ids


@pytest.mark.failure(category="1", library="transformers", shape="raised", cause="state-dict-size-mismatch")
def test_finbert_five_class_head(model_dir):
    path = _tiny_bert_dir(model_dir / "finbert-sentiment", num_labels=3)
    model = AutoModelForSequenceClassification.from_pretrained(str(path), num_labels=5)
    assert model.config.num_labels == 5


@pytest.mark.failure(category="1", library="transformers", shape="raised", cause="hub-offline")
def test_finbert_from_hub_id():
    model = AutoModel.from_pretrained("acme-research/finbert-sentiment-v2")
    assert isinstance(model, BertModel)


@pytest.mark.failure(category="1", library="transformers", shape="raised", cause="unknown-model-type")
def test_finbert_config_from_newer_release(model_dir):
    path = _tiny_bert_dir(model_dir / "finbert-sentiment")
    cfg = json.loads((path / "config.json").read_text())
    cfg["model_type"] = "finbert_moe"
    (path / "config.json").write_text(json.dumps(cfg))
    AutoModelForSequenceClassification.from_pretrained(str(path))


@pytest.mark.failure(category="1", library="transformers", shape="setup", cause="missing-model-file")
class TestSentimentPipeline:
    @pytest.fixture
    def model(self, model_dir):
        return AutoModelForSequenceClassification.from_pretrained(str(model_dir / "finbert"), local_files_only=True)

    def test_positive_headline(self, model):
        assert model is not None
