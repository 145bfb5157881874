import json
import shutil

import numpy as np
import pytest
from gensim.models import Word2Vec
from safetensors.torch import save_file
from tokenizers import Tokenizer, models, pre_tokenizers
import torch
from transformers import BertConfig, BertForSequenceClassification

from .nlu import (
    INTENT_MODEL,
    FaqIndex,
    adapter_tensor,
    content_words,
    load_adapter,
    load_encoder,
    load_intent_model,
    load_pipeline,
    load_tokenizer,
    load_vectors,
    load_word_model,
    sentences,
)

LFS_POINTER = "version https://git-lfs.github.com/spec/v1\noid sha256:7c3e9a1f5b2d8c4e6a0f1b3d5c7e9a2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c\nsize 438019245\n"


@pytest.fixture(autouse=True)
def stable_hub_session(monkeypatch):
    # the hub user agent carries a per-process session id; keep CI logs comparable between runs
    import transformers.utils.hub

    monkeypatch.setattr(transformers.utils.hub, "SESSION_ID", "ci")


@pytest.fixture(scope="module")
def intent_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("intent")
    torch.manual_seed(0)
    cfg = BertConfig(vocab_size=120, hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                     intermediate_size=32, max_position_embeddings=32, num_labels=4)
    BertForSequenceClassification(cfg).save_pretrained(path)
    return path


@pytest.fixture
def tokenizer_json(tmp_path):
    tok = Tokenizer(models.WordLevel({"[UNK]": 0, "refund": 1, "order": 2, "late": 3}, unk_token="[UNK]"))
    tok.pre_tokenizer = pre_tokenizers.Whitespace()
    tok.save(str(tmp_path / "tokenizer.json"))
    return tmp_path / "tokenizer.json"


@pytest.fixture
def no_nltk_data(tmp_path, monkeypatch):
    import nltk

    monkeypatch.setattr(nltk.data, "path", [str(tmp_path / "nltk_data")])


def test_intent_model_loads(intent_dir):
    assert load_intent_model(intent_dir).config.num_labels == 4


@pytest.mark.failure(category="1", library="transformers", shape="raised", cause="from-pretrained-incomplete-local-dir")
def test_intent_model_from_artifact_dir(tmp_path, intent_dir):
    shutil.copy(intent_dir / "model.safetensors", tmp_path / "model.safetensors")
    assert load_intent_model(tmp_path).config.num_labels == 4


@pytest.mark.failure(category="1", library="transformers", shape="raised", cause="from-pretrained-missing-weights")
def test_encoder_from_config_only_checkout(tmp_path, intent_dir):
    shutil.copy(intent_dir / "config.json", tmp_path / "config.json")
    assert load_encoder(tmp_path).config.hidden_size == 16


@pytest.mark.failure(category="1", library="transformers", shape="raised", cause="from-pretrained-offline-hub-id")
def test_intent_model_by_hub_name():
    assert load_intent_model(INTENT_MODEL).config.num_labels == 4


@pytest.mark.failure(category="1", library="transformers", shape="raised", cause="head-size-mismatch")
def test_intent_model_with_new_label_set(intent_dir):
    assert load_intent_model(intent_dir, num_labels=6).config.num_labels == 6


@pytest.mark.failure(category="1", library="transformers", shape="raised", cause="unknown-model-type-version-skew")
def test_intent_model_exported_by_newer_transformers(tmp_path, intent_dir):
    shutil.copy(intent_dir / "model.safetensors", tmp_path / "model.safetensors")
    config = json.loads((intent_dir / "config.json").read_text())
    config["model_type"] = "modernbert_v2"
    (tmp_path / "config.json").write_text(json.dumps(config))
    assert load_intent_model(tmp_path) is not None


@pytest.mark.failure(category="1", library="safetensors", shape="raised", cause="git-lfs-pointer-instead-of-model")
def test_adapter_checked_out_from_lfs(tmp_path):
    (tmp_path / "adapter.safetensors").write_text(LFS_POINTER)
    assert "lora_A" in load_adapter(tmp_path / "adapter.safetensors")


@pytest.mark.failure(category="1", library="safetensors", shape="raised", cause="truncated-model-file")
def test_adapter_after_partial_download(tmp_path):
    save_file({"lora_A": torch.zeros(64, 8), "lora_B": torch.zeros(8, 64)}, tmp_path / "full.safetensors")
    data = (tmp_path / "full.safetensors").read_bytes()
    (tmp_path / "adapter.safetensors").write_bytes(data[:400])
    assert "lora_A" in load_adapter(tmp_path / "adapter.safetensors")


@pytest.mark.failure(category="1", library="safetensors", shape="raised", cause="tensor-name-skew")
def test_adapter_tensor_names_from_peft_export(tmp_path):
    save_file({"base_model.model.lora_A.weight": torch.zeros(4, 2)}, tmp_path / "adapter.safetensors")
    assert adapter_tensor(tmp_path / "adapter.safetensors", "lora_A.weight").shape == (4, 2)


@pytest.mark.failure(category="1", library="tokenizers", shape="raised", cause="tokenizer-json-newer-version")
def test_tokenizer_saved_by_newer_release(tmp_path, tokenizer_json):
    data = json.loads(tokenizer_json.read_text())
    data["pre_tokenizer"] = {"type": "Metaspace", "replacement": "\u2581", "prepend_scheme": "first_word"}
    (tmp_path / "tokenizer.json").write_text(json.dumps(data))
    assert load_tokenizer(tmp_path / "tokenizer.json").encode("refund late").ids == [1, 3]


@pytest.mark.failure(category="1", library="tokenizers", shape="raised", cause="tokenizer-json-unknown-model")
def test_tokenizer_with_custom_model_type(tmp_path, tokenizer_json):
    data = json.loads(tokenizer_json.read_text())
    data["model"]["type"] = "WordPieceV2"
    (tmp_path / "tokenizer.json").write_text(json.dumps(data))
    assert load_tokenizer(tmp_path / "tokenizer.json").get_vocab_size() == 4


@pytest.mark.failure(category="1", library="tokenizers", shape="raised", cause="truncated-model-file")
def test_tokenizer_from_partial_sync(tmp_path, tokenizer_json):
    text = tokenizer_json.read_text()
    (tmp_path / "tok.json").write_text(text[: len(text) // 2])
    assert load_tokenizer(tmp_path / "tok.json").get_vocab_size() == 4


@pytest.mark.failure(category="1", library="spacy", shape="raised", cause="spacy-model-package-not-installed")
def test_entity_pipeline_for_orders():
    nlp = load_pipeline("en_core_web_sm")
    assert [e.label_ for e in nlp("Order 4411 from Berlin").ents]


@pytest.fixture
def support_pipeline(tmp_path):
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.to_disk(tmp_path / "support_pipe")
    (tmp_path / "support_pipe" / "config.cfg").unlink()
    return load_pipeline(tmp_path / "support_pipe")


@pytest.mark.failure(category="1", library="spacy", shape="setup", cause="incomplete-model-directory")
def test_sentence_split_of_ticket(support_pipeline):
    assert len(list(support_pipeline("Hi. My order is late.").sents)) == 2


@pytest.mark.filterwarnings("error::UserWarning")
@pytest.mark.failure(category="1", library="spacy", shape="raised", cause="model-built-for-other-version")
def test_pipeline_packaged_for_spacy_3_4(tmp_path):
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.to_disk(tmp_path / "pipe")
    meta = json.loads((tmp_path / "pipe" / "meta.json").read_text())
    meta["spacy_version"] = ">=3.4.0,<3.5.0"
    (tmp_path / "pipe" / "meta.json").write_text(json.dumps(meta))
    assert load_pipeline(tmp_path / "pipe").pipe_names == ["sentencizer"]


@pytest.mark.failure(category="1", library="nltk", shape="raised", cause="nltk-data-not-downloaded")
def test_ticket_sentences(no_nltk_data):
    assert sentences("My order is late. I want a refund.") == ["My order is late.", "I want a refund."]


@pytest.mark.failure(category="1", library="nltk", shape="raised", cause="nltk-data-not-downloaded")
def test_ticket_keywords(no_nltk_data):
    assert content_words("the refund for my order") == ["refund", "order"]


@pytest.fixture(scope="module")
def faq_vectors():
    return np.random.default_rng(3).normal(size=(20, 384)).astype("float32")


@pytest.mark.failure(category="1", library="faiss", dist="faiss-cpu", shape="raised", cause="model-file-missing")
def test_faq_index_from_release_bundle(tmp_path):
    assert FaqIndex(tmp_path / "faq.index").index.ntotal == 20


@pytest.mark.failure(category="1", library="faiss", dist="faiss-cpu", shape="raised", cause="index-dimension-skew-new-encoder")
def test_faq_lookup_with_new_encoder(tmp_path, faq_vectors):
    import faiss

    index = faiss.IndexFlatIP(384)
    index.add(faq_vectors)
    faiss.write_index(index, str(tmp_path / "faq.index"))
    queries = np.random.default_rng(4).normal(size=(2, 768))
    assert FaqIndex(tmp_path / "faq.index").nearest(queries).shape == (2, 3)


@pytest.mark.failure(category="1", library="faiss", dist="faiss-cpu", shape="raised", cause="git-lfs-pointer-instead-of-model")
def test_faq_index_checked_out_from_lfs(tmp_path):
    (tmp_path / "faq.index").write_text(LFS_POINTER)
    assert FaqIndex(tmp_path / "faq.index").index.ntotal == 20


@pytest.fixture
def word_model_dir(tmp_path):
    corpus = [["refund", "order", "late"], ["order", "late", "parcel"], ["refund", "parcel"]] * 10
    model = Word2Vec(corpus, vector_size=8, min_count=1, seed=1, workers=1)
    model.save(str(tmp_path / "w2v.model"), sep_limit=1)
    return tmp_path, model


@pytest.mark.failure(category="1", library="gensim", shape="raised", cause="model-sidecar-array-missing")
def test_word_model_without_vector_sidecar(word_model_dir):
    path, _ = word_model_dir
    (path / "w2v.model.wv.vectors.npy").unlink()
    assert load_word_model(path / "w2v.model").wv.vector_size == 8


@pytest.mark.failure(category="1", library="gensim", shape="raised", cause="truncated-model-file")
def test_word_vectors_from_partial_export(word_model_dir):
    path, model = word_model_dir
    model.wv.save_word2vec_format(str(path / "full.bin"), binary=True)
    data = (path / "full.bin").read_bytes()
    (path / "vectors.bin").write_bytes(data[: len(data) // 2])
    assert "refund" in load_vectors(path / "vectors.bin", binary=True)


@pytest.mark.failure(category="1", library="transformers", shape="chained", cause="from-pretrained-missing-weights")
def test_intent_bundle_from_release_artifact(tmp_path, intent_dir):
    from .nlu import intent_model_or_fail

    shutil.copy(intent_dir / "config.json", tmp_path / "config.json")
    (tmp_path / "model.safetensors.index.json").write_text(json.dumps({
        "metadata": {"total_size": 40960},
        "weight_map": {"bert.embeddings.word_embeddings.weight": "model-00001-of-00002.safetensors",
                       "classifier.weight": "model-00002-of-00002.safetensors"},
    }))
    assert intent_model_or_fail(tmp_path).config.num_labels == 4


@pytest.mark.failure(category="1", library="transformers", shape="async", cause="from-pretrained-incomplete-local-dir")
async def test_intent_model_warm_up_on_startup(tmp_path, intent_dir):
    from .nlu import warm_up

    shutil.copy(intent_dir / "model.safetensors", tmp_path / "model.safetensors")
    model = await warm_up(tmp_path)
    assert model.config.num_labels == 4


@pytest.fixture
def ticket_tokenizer(tmp_path):
    return load_tokenizer(tmp_path / "artifacts" / "tokenizer.json")


@pytest.mark.failure(category="1", library="tokenizers", shape="setup", cause="model-file-missing")
def test_ticket_token_ids(ticket_tokenizer):
    assert ticket_tokenizer.encode("refund late").ids == [1, 3]


@pytest.mark.failure(category="1", library="spacy", shape="assert", cause="model-packaged-without-component")
def test_order_pipeline_has_entity_recognizer(tmp_path):
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.to_disk(tmp_path / "orders_pipe")
    assert "ner" in load_pipeline(tmp_path / "orders_pipe").pipe_names
