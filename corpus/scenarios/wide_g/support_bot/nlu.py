"""NLU stack of the support bot: intent model, tokenizer, sentence splitter, FAQ retrieval index, word vectors."""

from __future__ import annotations

from pathlib import Path

import faiss
import numpy as np
import spacy
from gensim.models import KeyedVectors, Word2Vec
from safetensors import safe_open
from safetensors.torch import load_file
from tokenizers import Tokenizer
from transformers import AutoModelForSequenceClassification, BertModel

INTENT_MODEL = "acme/support-intent-bert-small"


def load_intent_model(path: str | Path, num_labels: int | None = None):
    kwargs = {"num_labels": num_labels} if num_labels else {}
    return AutoModelForSequenceClassification.from_pretrained(str(path), **kwargs)


def load_encoder(path: Path):
    return BertModel.from_pretrained(str(path))


def load_tokenizer(path: Path) -> Tokenizer:
    return Tokenizer.from_file(str(path))


def load_adapter(path: Path) -> dict:
    return load_file(str(path))


def adapter_tensor(path: Path, name: str):
    with safe_open(str(path), framework="pt") as fh:
        return fh.get_tensor(name)


def load_pipeline(name_or_path: str | Path):
    return spacy.load(name_or_path)


def sentences(text: str) -> list[str]:
    import nltk

    return nltk.sent_tokenize(text)


def content_words(text: str) -> list[str]:
    from nltk.corpus import stopwords

    stop = set(stopwords.words("english"))
    return [w for w in text.lower().split() if w not in stop]


class FaqIndex:
    def __init__(self, path: Path) -> None:
        self.index = faiss.read_index(str(path))

    def nearest(self, query_vecs: np.ndarray, k: int = 3) -> np.ndarray:
        _, ids = self.index.search(query_vecs.astype("float32"), k)
        return ids


def load_word_model(path: Path) -> Word2Vec:
    return Word2Vec.load(str(path))


def load_vectors(path: Path, binary: bool = False) -> KeyedVectors:
    return KeyedVectors.load_word2vec_format(str(path), binary=binary)


class IntentModelUnavailable(RuntimeError):
    pass


def intent_model_or_fail(path: Path):
    try:
        return load_intent_model(path)
    except OSError as exc:
        raise IntentModelUnavailable(f"intent model bundle at {path} is incomplete") from exc


async def warm_up(path: Path):
    import asyncio

    return await asyncio.to_thread(load_intent_model, path)
