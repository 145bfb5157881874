"""``classify``: results in, clustered and categorised failures out.

Reads like the pipeline it is — collect → canonicalize → embed → cluster → map → name → assemble — and never
mutates the model.
"""

from __future__ import annotations

import re
import shlex
import threading
import weakref
from collections import Counter, OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import scipy.sparse as sp

from .classify import OTHER, Scores
from .cluster import cluster_decision, group
from .embed import TinyEmbedder
from .model import Model
from .normalize import canonical_text
from .records import Run, TestCase
from .schema import ClassifyResult, Cluster, Failure, ModelInfo, Neighbour, PlaybookStep, Summary

NEW_NAME = "New category"
_STOP = frozenset(
    [
        "the",
        "and",
        "for",
        "with",
        "was",
        "not",
        "but",
        "are",
        "this",
        "that",
        "from",
        "have",
        "has",
        "had",
        "been",
        "can",
        "cannot",
        "could",
        "did",
        "does",
        "into",
        "its",
        "than",
        "then",
        "when",
        "where",
        "which",
        "while",
        "will",
        "would",
        "should",
        "expected",
        "got",
        "none",
        "true",
        "false",
        "self",
        "test",
        "tests",
        "error",
        "exception",
        "message",
        "frames",
        "assert",
        "str",
        "num",
        "hex",
        "path",
        "uuid",
        "url",
        "ip",
        "port",
        "time",
        "date",
        "int",
        "float",
        "object",
        "value",
        "call",
        "line",
        "file",
        "raise",
        "raised",
        "failed",
        "failure",
        "return",
        "returned",
        "func",
        "function",
        "args",
        "kwargs",
    ]
)


class _LRU:
    """A thread-safe LRU map bounded in entries and in a total size (characters of the texts it keeps)."""

    def __init__(self, max_entries: int, max_size: int) -> None:
        self.max_entries, self.max_size = max_entries, max_size
        self._items: OrderedDict[Any, tuple[Any, int]] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: Any) -> Any:
        with self._lock:
            item = self._items.get(key)
            if item is None:
                return None
            self._items.move_to_end(key)
            return item[0]

    def put(self, key: Any, value: Any, size: int) -> None:
        if size > self.max_size:
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._size -= old[1]
            self._items[key] = (value, size)
            self._size += size
            while len(self._items) > self.max_entries or self._size > self.max_size:
                self._size -= self._items.popitem(last=False)[1][1]

    def __len__(self) -> int:
        return len(self._items)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._size = 0


class TextMemo:
    """Cross-call memo of the two per-text steps, for a service that sees the same failures again and again.

    * raw failure ``(traceback, message, test)`` -> canonical text (what :func:`canonical_text` returns for it);
    * per embedder, canonical text -> its embedding row, for :class:`~clusterer.embed.TinyEmbedder` only: each of
      its rows depends on that text alone (hashed counts, IDF, per-row norms), so rows embedded one request at a
      time and stacked are the very matrix a single ``embed`` call gives. Other embedders (batched neural
      models) are always called, on every text.
    * per classifier and TinyEmbedder, canonical text -> its row of
      :meth:`~clusterer.classify.ExemplarClassifier.scores` (probabilities, best similarity per class, nearest
      exemplars): every score row is computed from its embedding row alone, and that row from the text alone.

    Keys are the exact texts, never a digest, so a hit is the same answer as a miss, byte for byte. Every map is
    an LRU bounded in entries and in characters kept.
    """

    def __init__(self, max_entries: int = 5_000, max_chars: int = 16_000_000) -> None:
        self.texts = _LRU(max_entries, max_chars)
        self._rows: weakref.WeakKeyDictionary[Any, _LRU] = weakref.WeakKeyDictionary()
        self._rows_lock = threading.Lock()
        self._scores: weakref.WeakKeyDictionary[Any, weakref.WeakKeyDictionary[Any, _LRU]] = weakref.WeakKeyDictionary()
        self.max_entries, self.max_chars = max_entries, max_chars

    def clear(self) -> None:
        """Forget everything (tests; a changed normalisation)."""
        self.texts.clear()
        with self._rows_lock:
            self._rows.clear()
            self._scores.clear()

    def canonical(self, t: TestCase) -> str:
        """``canonical_text(t)``, remembered by the failure's exact traceback, message and test id."""
        key = (t.traceback, t.message, t.test)
        text: str | None = self.texts.get(key)
        if text is None:
            text = canonical_text(t)
            self.texts.put(key, text, len(t.traceback) + len(t.message) + len(t.test) + len(text))
        return text

    def embed(self, embedder: Any, texts: list[str]) -> Any:
        """``embedder.embed(texts)``, with the rows of texts seen before taken from the memo (TinyEmbedder only)."""
        if type(embedder) is not TinyEmbedder:
            return embedder.embed(texts)
        with self._rows_lock:
            rows = self._rows.get(embedder)
            if rows is None:
                rows = self._rows[embedder] = _LRU(self.max_entries, self.max_chars)
        found = [rows.get(t) for t in texts]
        missing = [i for i, row in enumerate(found) if row is None]
        if missing:
            fresh = embedder.embed([texts[i] for i in missing])
            if len(missing) == len(texts):
                parts = _split_rows(fresh)
                for t, part in zip(texts, parts, strict=True):
                    rows.put(t, part, len(t) + 8 * len(part[0]))
                return fresh
            for i, part in zip(missing, _split_rows(fresh), strict=True):
                found[i] = part
                rows.put(texts[i], part, len(texts[i]) + 8 * len(part[0]))
        return _stack_rows(found)

    def scores(self, embedder: Any, classifier: Any, texts: list[str], vectors: Any) -> Scores:
        """``classifier.scores(vectors)`` (``vectors`` = ``embedder.embed(texts)``), with the rows of texts seen
        before taken from the memo (TinyEmbedder only: with another embedder a row may depend on its batch)."""
        if type(embedder) is not TinyEmbedder:
            return classifier.scores(vectors)  # type: ignore[no-any-return]
        with self._rows_lock:
            per_embedder = self._scores.get(classifier)
            if per_embedder is None:
                per_embedder = self._scores[classifier] = weakref.WeakKeyDictionary()
            rows = per_embedder.get(embedder)
            if rows is None:
                rows = per_embedder[embedder] = _LRU(self.max_entries, self.max_chars)
        found = [rows.get(t) for t in texts]
        missing = [i for i, row in enumerate(found) if row is None]
        if missing:
            fresh = classifier.scores(vectors if len(missing) == len(texts) else vectors[missing])
            for j, i in enumerate(missing):
                found[i] = row = (fresh.proba[j], fresh.best_sim[j], fresh.nearest[j], fresh.nearest_sim[j])
                rows.put(texts[i], tuple(a.copy() for a in row), len(texts[i]) + 64)
            if len(missing) == len(texts):
                return fresh  # type: ignore[no-any-return]
        return Scores(*(np.stack([row[part] for row in found]) for part in range(4)))


def _split_rows(matrix: Any) -> list[tuple[np.ndarray, np.ndarray, int]]:
    """The rows of a CSR matrix as ``(indices, data, width)`` copies."""
    m = sp.csr_matrix(matrix)
    ptr = m.indptr
    return [
        (m.indices[ptr[i] : ptr[i + 1]].copy(), m.data[ptr[i] : ptr[i + 1]].copy(), m.shape[1])
        for i in range(m.shape[0])
    ]


def _stack_rows(parts: list[Any]) -> sp.csr_matrix:
    """Rows from :func:`_split_rows` stacked back into one CSR matrix, entries in the same order."""
    lengths = np.fromiter((len(p[0]) for p in parts), dtype=np.int64, count=len(parts))
    indptr = np.zeros(len(parts) + 1, dtype=parts[0][0].dtype)
    np.cumsum(lengths, out=indptr[1:])
    indices = np.concatenate([p[0] for p in parts])
    data = np.concatenate([p[1] for p in parts])
    return sp.csr_matrix((data, indices, indptr), shape=(len(parts), parts[0][2]))


#: The process's memo (``classify_runs`` uses it; ``MEMO.clear()`` forgets).
MEMO = TextMemo()


@dataclass
class _Group:
    """Working state of one cluster while the answer is built."""

    uniques: list[int]
    size: int = 0
    failures: list[int] = field(default_factory=list)


def _section(text: str, name: str) -> str:
    prefix = name + ":"
    for line in text.splitlines():
        if line.startswith(prefix):
            return line[len(prefix) :].strip()
    return ""


def _exception(text: str) -> str | None:
    exc = _section(text, "exception").split()
    return exc[0] if exc else None


def _short(exc: str | None) -> str:
    return exc.rsplit(".", 1)[-1] if exc else "Failure"


def classify_runs(runs: Sequence[Run], model: Model) -> ClassifyResult:
    """Cluster and categorise every failure of ``runs`` with ``model``.

    Parameters
    ----------
    runs:
        One or more runs (results files) of the same suite; their failures are classified together and each
        failure says which run it came from.
    model:
        A loaded model (:meth:`clusterer.model.Model.load`).

    Returns
    -------
    ClassifyResult, the JSON contract shared by the CLI and the service.
    """
    failures = [t for run in runs for t in run.failures]
    texts = [MEMO.canonical(t) for t in failures]
    # collapse identical canonical texts: a broken fixture failing 300 tests is embedded once
    index: dict[str, int] = {}
    of_failure = np.fromiter((index.setdefault(t, len(index)) for t in texts), dtype=np.int64, count=len(texts))
    uniques = list(index)
    counts = np.bincount(of_failure, minlength=len(uniques)) if len(uniques) else np.zeros(0, np.int64)

    if uniques:
        vectors = MEMO.embed(model.embedder, uniques)
        scores = MEMO.scores(model.embedder, model.classifier, uniques, vectors)
        new_by = model.new_grouping_vectors(uniques, embed=lambda ts: MEMO.embed(model.embedder, ts))
        labels = group(vectors, counts, scores, model, new_vectors=new_by)
    else:
        scores, labels = None, np.zeros(0, np.int64)

    groups: dict[int, _Group] = {}
    for u, label in enumerate(labels.tolist()):
        groups.setdefault(label, _Group(uniques=[])).uniques.append(u)
    for f, u in enumerate(of_failure.tolist()):
        g = groups[int(labels[u])]
        g.failures.append(f)
        g.size += 1
    ordered = sorted(groups.values(), key=lambda g: (-g.size, g.failures[0]))

    several = len(runs) > 1
    clusters: list[Cluster] = []
    memo: dict[int, list[Neighbour]] = {}
    failure_out: list[Failure | None] = [None] * len(failures)
    new_count = 0
    for ci, g in enumerate(ordered):
        assert scores is not None
        decision = cluster_decision(g.uniques, counts, scores, model.classifier.decide)
        cluster_id = f"c{ci + 1}"
        if decision.category is None:
            new_count += 1
            category, category_name, is_new = f"new-{new_count}", NEW_NAME, True
        else:
            category, is_new = decision.category, False
            category_name = model.categories[category].name if category in model.categories else category
        member_texts = [uniques[u] for u in g.uniques]
        exception = Counter(_exception(t) for t in member_texts).most_common(1)[0][0]
        first_of = {int(of_failure[f]): f for f in reversed(g.failures)}
        messages = [failures[first_of[u]].message.strip().split("\n", 1)[0] for u in g.uniques]
        name = _name(messages, member_texts, counts[g.uniques], exception)
        rep_unique = g.uniques[int(np.argmax(counts[g.uniques]))]
        for f in g.failures:
            u = int(of_failure[f])
            failure_out[f] = _failure(
                failures[f],
                runs,
                texts[f],
                _neighbours(scores, u, model, memo),
                cluster_id,
                category,
                category_name,
                is_new,
                decision.confidence,
            )
        rep_failure = next(f for f in g.failures if of_failure[f] == rep_unique)
        cat = model.categories.get(category) if not is_new else None
        clusters.append(
            Cluster(
                id=cluster_id,
                category=category,
                category_name=category_name,
                is_new=is_new,
                name=f"new: {name}" if is_new else name,
                size=g.size,
                distinct=len(g.uniques),
                confidence=round(float(decision.confidence), 4),
                margin=round(float(decision.margin), 4),
                best_known=decision.best_known,
                best_known_confidence=round(float(min(1.0, max(0.0, decision.best_known_confidence))), 4),
                similarity=round(float(decision.similarity), 4),
                exception=exception,
                representative=failure_out[rep_failure],
                members=[_member(failures[f], several) for f in g.failures],
                runs=sorted({failures[f].run for f in g.failures}),
                shared_frames=_shared_frames(member_texts),
                nearest=_neighbours(scores, rep_unique, model, memo),
                priority=cat.priority if cat else None,
                playbook=_playbook(cat, failures[rep_failure]) if cat else [],
            )
        )

    done = [f for f in failure_out if f is not None]
    by_category = Counter("new" if f.is_new else f.category for f in done)
    outcomes = Counter(t.outcome for run in runs for t in run.tests)
    return ClassifyResult(
        model=ModelInfo(**model.info()),
        summary=Summary(
            runs=len(runs),
            sources=[r.source for r in runs],
            tests=sum(len(r.tests) for r in runs),
            failures=len(done),
            clusters=len(clusters),
            known=sum(1 for f in done if not f.is_new),
            new=sum(1 for f in done if f.is_new),
            by_category=dict(sorted(by_category.items())),
            outcomes=dict(sorted(outcomes.items())),
        ),
        failures=done,
        clusters=clusters,
    )


def _member(t: TestCase, several: bool) -> str:
    return f"{t.test}@run{t.run}" if several else t.test


def _neighbours(scores: object, u: int, model: Model, memo: dict[int, list[Neighbour]]) -> list[Neighbour]:
    """The nearest exemplars of distinct text ``u`` (computed once per text: its failures share the list)."""
    if u in memo:
        return list(memo[u])
    out = []
    for idx, sim in zip(scores.nearest[u].tolist(), scores.nearest_sim[u].tolist(), strict=True):  # type: ignore[attr-defined]
        ex = model.exemplars[idx]
        out.append(
            # built from the model's own verified data: construct without re-validating (hot path of the service)
            _construct(
                Neighbour,
                {
                    "id": ex["id"],
                    "category": ex["category"],
                    "similarity": round(float(sim), 4),
                    "library": ex.get("library"),
                },
            )
        )
    memo[u] = out
    return list(out)


def _failure(
    t: TestCase,
    runs: Sequence[Run],
    text: str,
    nearest: list[Neighbour],
    cluster_id: str,
    category: str,
    category_name: str,
    is_new: bool,
    confidence: float,
) -> Failure:
    message = t.message.strip().splitlines()[0] if t.message.strip() else ""
    # every value below already has its field's type (str, int, float or None, the neighbours built above) and the
    # confidence is clamped to 0..1: construct without re-validating, 80 times per request of the 730-test file
    return _construct(
        Failure,
        {
            "test": t.test,
            "outcome": t.outcome,
            "phase": t.phase,
            "run": t.run,
            "source": runs[t.run].source if t.run < len(runs) else "",
            "duration": t.duration,
            "message": message[:500],
            "exception": _exception(text),
            "category": category,
            "category_name": category_name,
            "confidence": round(float(min(1.0, max(0.0, confidence))), 4),
            "is_new": is_new,
            "cluster": cluster_id,
            "nearest": nearest,
        },
    )


_setattr = object.__setattr__


def _construct(cls: Any, values: dict[str, Any]) -> Any:
    """``cls.model_construct(**values)`` for ``values`` that name every field of ``cls`` in declaration order (the
    models here have no aliases, private attributes or post-init): the same instance without model_construct's
    per-field loop, a few microseconds for each of the ~200 models of a large answer (the tests compare the two)."""
    m = cls.__new__(cls)
    _setattr(m, "__dict__", values)
    _setattr(m, "__pydantic_fields_set__", set(values))
    _setattr(m, "__pydantic_extra__", None)
    _setattr(m, "__pydantic_private__", None)
    return m


# A playbook command that runs pytest (``pytest <test file> -vv``, ``SQLALCHEMY_ECHO=1 pytest ...``).
_RUNS_PYTEST = re.compile(r"(?:^|[\s;&|(])(?:python3? -m )?pytest\b")


def _playbook(cat: object, rep: TestCase) -> list[PlaybookStep]:
    """The category's playbook with its placeholders filled in from the cluster's representative test, quoted for
    the shell where they need it (a parametrised id's ``[SKU-1]`` is a glob pattern to zsh and bash).

    The built-in playbooks' commands run pytest. When the representative test is not a Python one (a JUnit report
    of cargo, go test or Maven names its test ``limits::tests::burst`` or ``com.acme.QuotaTest::burst``), a pytest
    command would be wrong to paste: the step keeps its advice and loses that command."""
    test_file = rep.test.split("::", 1)[0] if "::" in rep.test else (rep.file or "")
    test_dir = test_file.rsplit("/", 1)[0] if "/" in test_file else "."
    foreign = bool(test_file) and not (test_file.endswith(".py") or (rep.file or "").endswith(".py"))
    steps = []
    for s in cat.playbook:  # type: ignore[attr-defined]
        command = s.command
        if command and foreign and _RUNS_PYTEST.search(command):
            command = None
        if command and test_file:
            command = (
                command.replace("<test file>::<failing test>", shlex.quote(rep.test))
                .replace("<test file>", shlex.quote(test_file))
                .replace("<test dir>", shlex.quote(test_dir))
            )
        steps.append(PlaybookStep(step=s.step, command=command))
    return steps


def _shared_frames(texts: list[str]) -> list[str]:
    frames = [set(_section(t, "frames").split()) for t in texts]
    if not frames or not frames[0]:
        return []
    common = set.intersection(*frames)
    ordered = [f for f in _section(texts[0], "frames").split() if f in common]
    return list(dict.fromkeys(ordered))[-5:]


def _name(messages: list[str], texts: list[str], counts: np.ndarray, exception: str | None) -> str:
    """A readable name: the exception type and the first distinctive words the members' messages share.

    Words come from the most frequent member's raw message (then, if it has none, its pytest ``E`` lines) in
    reading order, kept when at least half of the members (by count) contain them and they are neither stop
    words, paths, numbers nor part of the exception name.
    """
    total = float(counts.sum())
    rep = int(np.argmax(counts))
    exc_words = {w.lower() for w in _NAME_WORD.findall(exception or "")}
    sources = (messages, [_section(t, "assert") for t in texts])
    for source in sources:
        member_words = [({w.lower() for w in _words(m)}, c) for m, c in zip(source, counts.tolist(), strict=True)]
        words: list[str] = []
        for w in _words(source[rep]):
            lw = w.lower()
            if lw in _STOP or lw in exc_words or len(lw) < 3 or w in words:
                continue
            if sum(c for ws, c in member_words if lw in ws) * 2 >= total:
                words.append(w)
            if len(words) == 4:
                break
        if words:
            return f"{_short(exception)} · {' '.join(words)}"
    return _short(exception)


_NAME_WORD = re.compile(r"[A-Za-z][A-Za-z_]+")


def _words(message: str) -> list[str]:
    """Words of a message, skipping paths, URLs, addresses and masks."""
    out: list[str] = []
    for token in message[:300].split():
        if "/" in token or "\\" in token or "0x" in token or token.startswith("<"):
            continue
        out.extend(_NAME_WORD.findall(token))
    return out


__all__ = ["OTHER", "classify_runs"]
