"""Embedders: canonical texts in, L2-normalised float32 vectors out.

Every embedder follows the :class:`Embedder` protocol. The tiny embedder is pure scikit-learn: hashed word
(1-2)-grams and character (3-5)-grams, weighted by an IDF learned from the exemplar bank, each block
L2-normalised, weighted and concatenated, then L2-normalised again. It returns a *sparse* CSR matrix: the
hashed space is large (2**19 columns) and a failure touches a few hundred of them, so the sparse product with the
exemplar bank is both the cheapest and the exact computation. Semantic embedders return dense arrays; callers use
``X @ E.T`` which works for both.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any, Protocol, runtime_checkable

import numpy as np
import scipy.sparse as sp

from ._params import ParamsMixin, check_is_fitted

Matrix = Any  # np.ndarray | scipy.sparse.csr_matrix

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_WORD_RE = re.compile(r"[a-z][a-z0-9]+")
_BIGRAM_PRIME = 1_000_003
_CONCEPT_RE = re.compile(r"[a-z0-9]+")
_TOKEN_CACHE_SIZE = 200_000
_FRAMES_LINE_RE = re.compile(r"^frames: (.*)$", re.MULTILINE)


@runtime_checkable
class Embedder(Protocol):
    """Anything that turns canonical texts into L2-normalised float32 row vectors."""

    name: str

    def embed(self, texts: Sequence[str]) -> Matrix:
        """Embed ``texts``; row ``i`` is the L2-normalised float32 vector of ``texts[i]``."""
        ...


def split_identifiers(text: str) -> str:
    """Split camelCase and snake/dotted identifiers into lower-case words.

    >>> split_identifiers("sqlalchemy.exc.TimeoutError: QueuePool limit")
    'sqlalchemy exc timeout error  queue pool limit'
    """
    return _CAMEL.sub(" ", text).replace("_", " ").replace(".", " ").replace(":", " ").lower()


@cache
def default_lexicon() -> dict[str, list[str]]:
    """The packaged concept vocabulary (``clusterer/data/lexicon.json``)."""
    raw = json.loads(resources.files("clusterer").joinpath("data/lexicon.json").read_text("utf-8"))
    return {str(k): [str(w) for w in v] for k, v in raw["concepts"].items()}


def _hash(text: str) -> int:
    return zlib.crc32(text.encode("utf-8", "surrogatepass"))


def cap_frames(text: str, k: int) -> str:
    r"""A canonical text whose ``frames:`` line keeps at most ``k`` frames: the outermost one (usually the test,
    whose module names the feature under test) and the ``k - 1`` innermost (where it failed). The frames in
    between are the project's own code.

    >>> cap_frames("exception: E\nframes: test_a.t app.b app.c lib.d lib.e\ntest: t", 3)
    'exception: E\nframes: test_a.t lib.d lib.e\ntest: t'
    """
    m = _FRAMES_LINE_RE.search(text)
    if m is None:
        return text
    frames = m.group(1).split()
    if len(frames) <= k:
        return text
    kept = frames[:1] + frames[len(frames) - k + 1 :] if k > 1 else frames[len(frames) - k :]
    return text[: m.start(1)] + " ".join(kept) + text[m.end(1) :]


def l2_normalize_rows(x: sp.csr_matrix) -> sp.csr_matrix:
    """Scale each row of a CSR matrix to unit L2 norm in place (zero rows stay zero); returns ``x``."""
    lengths = np.diff(x.indptr)
    rows = np.repeat(np.arange(x.shape[0]), lengths)
    norms = np.sqrt(np.bincount(rows, weights=np.square(x.data, dtype=np.float64), minlength=x.shape[0]))
    norms[norms == 0] = 1.0
    x.data /= np.repeat(norms, lengths).astype(x.data.dtype)
    return x


def side_by_side(sparse_part: Any, dense_part: np.ndarray, weight: float) -> sp.csr_matrix:
    """``[sqrt(1 - w) * sparse_part | sqrt(w) * dense_part]`` as CSR float32, for two blocks of unit rows: the rows
    stay unit and the cosine of two of them is ``(1 - w) * cos_sparse + w * cos_dense`` (the hybrid embedders)."""
    w = float(weight)
    a = sparse_part * np.float32(np.sqrt(1.0 - w))
    b = sp.csr_matrix(dense_part * np.float32(np.sqrt(w)))
    return sp.hstack([a, b], format="csr", dtype=np.float32)


class TinyEmbedder(ParamsMixin):
    """Hashed word + character n-gram TF-IDF, small enough to commit, fast enough for CI.

    Parameters
    ----------
    n_features:
        Hash space per block (word and char), a power of two.
    word_ngrams, char_ngrams:
        n-gram ranges of the two blocks.
    char_weight:
        Weight of the character block against the word block (both are L2-normalised first).
    concept_weight:
        Weight of the concept block: per-concept counts of the mechanism vocabulary in
        ``clusterer/data/lexicon.json`` (pool, deadlock, limiter, 429, cassette, event loop...). It lets a failure
        from a library absent from the exemplars still land near its mechanism. ``0`` disables it.
    lexicon:
        ``{concept: [words]}``; ``None`` uses the packaged lexicon. Stored in the artefact.
    max_chars:
        Only the first ``max_chars`` characters of a canonical text feed the character block (the exception and
        message lines come first in a canonical text, so they are always kept); words use the whole text.
    max_frames:
        At most this many frames of a canonical text's ``frames:`` line are features (``None``: all): the
        outermost (the test) and the innermost (:func:`cap_frames`). The frames in between are the project's own
        code: on a project the model never saw they are words no exemplar has. The canonical text itself keeps
        every frame.

    Attributes
    ----------
    columns_:
        Sorted hashed columns seen in training (int64). Output vectors keep only these columns, so every
        learned array (exemplar vectors, classifier weights) is over this compact space.
    idf_:
        IDF of each kept column (float32).
    """

    name = "tiny"

    def __init__(
        self,
        n_features: int = 2**18,
        word_ngrams: tuple[int, int] = (1, 1),
        char_ngrams: tuple[int, int] = (3, 5),
        char_weight: float = 1.0,
        max_chars: int = 600,
        concept_weight: float = 0.5,
        lexicon: dict[str, list[str]] | None = None,
        max_frames: int | None = 6,
    ) -> None:
        self.n_features = n_features
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.char_weight = char_weight
        self.max_chars = max_chars
        self.concept_weight = concept_weight
        self.lexicon = lexicon
        self.max_frames = max_frames

    # -- stages ---------------------------------------------------------------------------------------------
    @property
    def _cache(self) -> dict[str, Any]:
        cache = self.__dict__.get("_cache_")
        if cache is None:
            cache = self.__dict__["_cache_"] = {}
        return cache

    def _word_column(self, word: str) -> int:
        """Hashed column of one word (cached)."""
        key = "w\0" + word
        col: int | None = self._cache.get(key)
        if col is None:
            col = _hash("w" + word)
            self._remember(key, col)
        return col

    def _char_columns(self, token: str) -> np.ndarray:
        """Hashed columns of the character n-grams of one whitespace token (``char_wb`` style, padded)."""
        cols = self._cache.get(token)
        if cols is None:
            padded = f" {token} "
            lo, hi = self.char_ngrams
            grams = [padded[i : i + n] for n in range(lo, hi + 1) for i in range(len(padded) - n + 1)]
            if not grams:
                grams = [padded]
            cols = np.fromiter((_hash(g) % self.n_features for g in grams), dtype=np.int64, count=len(grams))
            self._remember(token, cols)
        return cols

    def _feature_texts(self, texts: Sequence[str]) -> Sequence[str]:
        """The texts the features are counted on (:meth:`fit` and :meth:`transform` cut them once, before both
        blocks): the ``frames:`` line cut by :func:`cap_frames` to ``max_frames``."""
        k = self.max_frames
        if k is None:
            return texts
        return [cap_frames(t, int(k)) for t in texts]

    def _remember(self, key: str, value: Any) -> None:
        cache = self._cache
        if len(cache) >= _TOKEN_CACHE_SIZE:
            cache.clear()
        cache[key] = value

    def _counts(self, texts: Sequence[str]) -> sp.csr_matrix:
        """Word (1-2)-gram and character (3-5)-gram counts over the two hashed blocks.

        Word unigrams hash each identifier word; word bigrams combine two word hashes arithmetically; character
        n-grams never cross whitespace, so they are hashed once per distinct token. Failures repeat the same
        identifiers again and again, so these caches make embedding several times faster than scikit-learn's
        per-character analyzers while computing the same kind of features.
        """
        n = self.n_features
        lo, hi = self.word_ngrams
        cache = self._cache
        word_col, char_cols = self._word_column, self._char_columns
        pieces: list[np.ndarray] = []
        for row, text in enumerate(texts):
            words = _WORD_RE.findall(split_identifiers(text))
            h = np.array([cache["w\0" + w] if "w\0" + w in cache else word_col(w) for w in words], dtype=np.int64)
            grams = [cache[t] if t in cache else char_cols(t) for t in text[: self.max_chars].lower().split()]
            if lo <= 1 <= hi:
                grams.append(h % n - n)
            if lo <= 2 <= hi and len(h) > 1:
                grams.append((h[:-1] * _BIGRAM_PRIME + h[1:]) % n - n)
            if grams:
                # one key per (row, column): char columns are offset by n, word columns by 0 (hence the -n above)
                pieces.append(np.concatenate(grams) + (n + row * 2 * n))
        keys, counts = np.unique(np.concatenate(pieces), return_counts=True) if pieces else (np.empty(0), np.empty(0))
        rows, cols = np.divmod(keys.astype(np.int64), 2 * n)
        indptr = np.searchsorted(rows, np.arange(len(texts) + 1), side="left")
        return sp.csr_matrix(
            (counts.astype(np.float32), cols.astype(np.int64), indptr.astype(np.int64)), shape=(len(texts), 2 * n)
        )

    def _concepts(self, texts: Sequence[str]) -> sp.csr_matrix:
        """Per-concept counts of the lexicon's words, log-scaled and L2-normalised per row."""
        index = self.__dict__.get("_concept_index_")
        if index is None:
            index = {}
            for ci, concept in enumerate(sorted(self.concepts_)):
                for word in self.concepts_[concept]:
                    index.setdefault(word, []).append(ci)
            self.__dict__["_concept_index_"] = index
        out = np.zeros((len(texts), len(self.concepts_)), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in _CONCEPT_RE.findall(split_identifiers(text)):
                for ci in index.get(word, ()):
                    out[row, ci] += 1.0
        np.log1p(out, out=out)
        return l2_normalize_rows(sp.csr_matrix(out))

    def _weigh(self, counts: sp.csr_matrix, idf_full: np.ndarray, concepts: sp.csr_matrix) -> sp.csr_matrix:
        x = counts.copy()
        np.log1p(x.data, out=x.data)  # sublinear tf
        x.data *= idf_full[x.indices]
        half = self.n_features
        w = l2_normalize_rows(x[:, :half].tocsr())
        c = l2_normalize_rows(x[:, half:].tocsr())
        c.data *= np.float32(self.char_weight)
        k = concepts.copy()
        k.data *= np.float32(self.concept_weight)
        return l2_normalize_rows(sp.hstack([w, c, k], format="csr", dtype=np.float32))

    # -- estimator API --------------------------------------------------------------------------------------
    def fit(self, texts: Sequence[str], y: object = None) -> TinyEmbedder:
        """Learn the IDF and the kept columns from ``texts``; returns ``self``."""
        self.concepts_ = {k: sorted(v) for k, v in (self.lexicon or default_lexicon()).items()}
        self.__dict__.pop("_concept_index_", None)
        counts = self._counts(self._feature_texts(texts))
        n = counts.shape[0]
        df = np.bincount(counts.indices, minlength=counts.shape[1])
        columns = np.flatnonzero(df).astype(np.int64)
        self.columns_ = columns
        self.idf_ = (np.log((1.0 + n) / (1.0 + df[columns])) + 1.0).astype(np.float32)
        self.default_idf_ = float(np.log(1.0 + n) + 1.0)
        return self

    def _idf_full(self) -> np.ndarray:
        return self._fitted_arrays()[0]

    def _fitted_arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """The IDF over the whole hashed space, and the compact column of every full-space column (-1: dropped),
        built once per fitted state: a request embeds a few texts, rebuilding these 2**19-long arrays cost more."""
        key = (self.columns_, self.idf_, self.concepts_, self.default_idf_, self.n_features)
        cached = self.__dict__.get("_fitted_arrays_")
        if (
            cached is None
            or any(a is not b for a, b in zip(cached[0][:3], key[:3], strict=True))
            or cached[0][3:] != key[3:]
        ):
            idf = np.full(2 * self.n_features, self.default_idf_, dtype=np.float32)
            idf[self.columns_] = self.idf_
            keep = np.concatenate([self.columns_, 2 * self.n_features + np.arange(len(self.concepts_))])
            compact = np.full(2 * self.n_features + len(self.concepts_), -1, dtype=np.int64)
            compact[keep] = np.arange(len(keep))
            idf.setflags(write=False)
            compact.setflags(write=False)
            cached = self.__dict__["_fitted_arrays_"] = (key, idf, compact)
        return cached[1], cached[2]

    def transform(self, texts: Sequence[str]) -> sp.csr_matrix:
        """Embed ``texts`` into the compact column space; rows are L2-normalised over the full space."""
        check_is_fitted(self, "columns_")
        idf, compact = self._fitted_arrays()
        texts = self._feature_texts(texts)
        full = self._weigh(self._counts(texts), idf, self._concepts(texts))
        # full[:, kept columns] (sorted, distinct): the kept entries of each row, in their order, renumbered
        new = compact[full.indices]
        kept = new >= 0
        rows = np.repeat(np.arange(full.shape[0]), np.diff(full.indptr))
        indptr = np.zeros(full.shape[0] + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows[kept], minlength=full.shape[0]), out=indptr[1:])
        width = len(self.columns_) + len(self.concepts_)
        index_dtype = np.int32 if max(width, int(indptr[-1])) < 2**31 else np.int64
        return sp.csr_matrix(
            (full.data[kept], new[kept].astype(index_dtype), indptr.astype(index_dtype)), shape=(full.shape[0], width)
        )

    def fit_transform(self, texts: Sequence[str], y: object = None) -> sp.csr_matrix:
        """Fit, then embed the same texts."""
        return self.fit(texts).transform(texts)

    def embed(self, texts: Sequence[str]) -> sp.csr_matrix:
        """Protocol alias of :meth:`transform`."""
        return self.transform(texts)

    # -- persistence (no pickle) ----------------------------------------------------------------------------
    def to_state(self) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
        """Parameters as JSON-able values and learned arrays, for the model artefact."""
        check_is_fitted(self, "columns_")
        params = {
            "kind": "tiny",
            "n_features": self.n_features,
            "word_ngrams": list(self.word_ngrams),
            "char_ngrams": list(self.char_ngrams),
            "char_weight": self.char_weight,
            "max_chars": self.max_chars,
            "concept_weight": self.concept_weight,
            "concepts": self.concepts_,
            "max_frames": self.max_frames,
            "default_idf": self.default_idf_,
        }
        return params, {"columns": self.columns_, "idf": self.idf_}

    @classmethod
    def from_state(cls, params: dict[str, Any], arrays: dict[str, np.ndarray]) -> TinyEmbedder:
        """Rebuild a fitted embedder from :meth:`to_state` output."""
        emb = cls(
            n_features=int(params["n_features"]),
            word_ngrams=tuple(params["word_ngrams"]),  # type: ignore[arg-type]
            char_ngrams=tuple(params["char_ngrams"]),  # type: ignore[arg-type]
            char_weight=float(params["char_weight"]),
            max_chars=int(params["max_chars"]),
            concept_weight=float(params.get("concept_weight", 0.0)),
            max_frames=None if params.get("max_frames") is None else int(params["max_frames"]),
        )
        emb.concepts_ = {str(k): [str(w) for w in v] for k, v in params.get("concepts", {}).items()}
        emb.columns_ = np.asarray(arrays["columns"], dtype=np.int64)
        emb.idf_ = np.asarray(arrays["idf"], dtype=np.float32)
        emb.default_idf_ = float(params["default_idf"])
        return emb
