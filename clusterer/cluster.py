"""Group failures: identical canonical texts collapse first, then similar ones join a leader.

Leader clustering keeps the cost linear in the number of distinct texts (times the number of clusters, which
stays small): distinct texts are visited from the most to the least frequent, and each joins the most similar
existing leader when the cosine similarity reaches ``threshold``, or becomes a leader itself. No n x n distance
matrix is ever built, so 100,000 failures cluster in the same memory as 1,000.

Leader clustering is greedy: a text joins a leader only when it is close to that one text, so one cause whose
failures differ in their details (another module, another key) can end up under several leaders. A second,
cheap pass (:func:`merge_clusters`) joins clusters of the same answer whose centroids are close, by average
linkage over the clusters (not the failures), so its cost grows with the number of clusters.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import scipy.sparse as sp

from ._sparse import columns_in_use, dense_columns

DEFAULT_THRESHOLD = 0.6
_CHUNK = 512
# above this many clusters of one answer the k x k similarity matrix of the merge pass is not worth its memory
MAX_MERGE = 3000
# up to this many clusters of one answer, average linkage runs in numpy (O(k^3)); above, in scipy
_SMALL_LINKAGE = 300
# up to this many distinct texts, centroid similarities come from the texts' dense Gram matrix
_SMALL_GRAM = 1500


def _rows_dot(a: Any, b: Any) -> np.ndarray:
    out = a @ b.T
    return out.toarray() if sp.issparse(out) else np.asarray(out)


_GRAM_BLOCK = 4_000_000  # largest rows x distinct columns laid out densely by _gram


def gram(vectors: Any) -> np.ndarray:
    """``_rows_dot(vectors, vectors)``: the same floats, for a few hundred sparse rows without scipy's sparse x sparse
    product. Entry (a, b) of scipy's product adds ``v[a, j] * v[b, j]`` over the shared columns ``j`` in the
    order of row ``a``'s sorted columns, in float32; here row ``a`` (sparse, its columns renumbered over the
    columns in use) times the rows laid out densely column by column adds the same products in the same order
    (absent entries add zeros, which change nothing). Anything else takes :func:`_rows_dot`."""
    if not (sp.issparse(vectors) and vectors.format == "csr" and vectors.dtype == np.float32):
        return _rows_dot(vectors, vectors)
    n, width = vectors.shape
    cols, position = columns_in_use(vectors.indices, width)
    if n * len(cols) > _GRAM_BLOCK or not vectors.has_sorted_indices:
        return _rows_dot(vectors, vectors)
    dense = dense_columns(position, vectors.indptr, vectors.data, len(cols))
    compact = sp.csr_matrix((vectors.data, position, vectors.indptr), shape=(n, len(cols)))
    return np.ascontiguousarray(compact @ dense)


def leader_cluster(
    vectors: Any,
    counts: Sequence[int] | np.ndarray,
    threshold: float = DEFAULT_THRESHOLD,
    gram_matrix: np.ndarray | None = None,
) -> np.ndarray:
    """Assign each row of ``vectors`` to a cluster.

    Parameters
    ----------
    vectors:
        L2-normalised rows (sparse CSR or dense), one per distinct canonical text.
    counts:
        How many failures share each text; frequent texts are visited first and so lead their clusters.
    threshold:
        Minimum cosine similarity to a leader to join its cluster.
    gram_matrix:
        ``_rows_dot(vectors, vectors)`` when the caller has it (:func:`gram`): rows compared with each other are
        read from it.

    Returns
    -------
    Array of cluster labels, 0..n_clusters-1, numbered in visiting order (the largest text's cluster is 0).

    >>> import numpy as np
    >>> v = np.array([[1, 0], [0.99, 0.141], [0, 1]], dtype=np.float32)
    >>> leader_cluster(v, [5, 1, 2], threshold=0.9).tolist()
    [0, 0, 1]
    """
    n = vectors.shape[0]
    labels = np.full(n, -1, dtype=np.int64)
    if n == 0:
        return labels
    order = np.lexsort((np.arange(n), -np.asarray(counts)))
    leader_rows: list[int] = []
    leaders: Any = None  # matrix of leader vectors, grown per chunk
    for start in range(0, n, _CHUNK):
        chunk = order[start : start + _CHUNK]
        block = vectors[chunk]
        if leaders is not None:
            sims = _rows_dot(block, leaders)
            best = sims.argmax(axis=1)
            ok = sims[np.arange(len(chunk)), best] >= threshold
            labels[chunk[ok]] = best[ok]
        pending = chunk[labels[chunk] < 0]
        if len(pending) == 0:
            continue
        # within the chunk: compare the pending rows with each other, in order
        if gram_matrix is not None:
            local = gram_matrix[np.ix_(pending, pending)]
        else:
            local = _rows_dot(vectors[pending], vectors[pending])
        new_local: list[int] = []
        for i, row in enumerate(pending):
            if new_local:
                cand = local[i, new_local]
                j = int(cand.argmax())
                if cand[j] >= threshold:
                    labels[row] = labels[pending[new_local[j]]]
                    continue
            labels[row] = len(leader_rows)
            leader_rows.append(int(row))
            new_local.append(i)
        new_vectors = vectors[pending[new_local]]
        if leaders is None:
            leaders = new_vectors
        elif sp.issparse(leaders):
            leaders = sp.vstack([leaders, new_vectors], format="csr")
        else:
            leaders = np.vstack([leaders, new_vectors])
    return labels


def centroids(vectors: Any, counts: Sequence[int] | np.ndarray, labels: np.ndarray) -> Any:
    """The count-weighted, L2-normalised mean vector of each cluster (row ``k`` for label ``k``)."""
    n = vectors.shape[0]
    k = int(labels.max()) + 1 if n else 0
    w = sp.csr_matrix((np.asarray(counts, dtype=np.float64), (labels, np.arange(n))), shape=(k, n))
    c = w @ vectors
    if sp.issparse(c):
        c = sp.csr_matrix(c)
        norms = np.sqrt(np.asarray(c.multiply(c).sum(axis=1)).ravel())
        return sp.diags(1.0 / np.maximum(norms, 1e-12)) @ c
    c = np.asarray(c, dtype=np.float64)
    return c / np.maximum(np.linalg.norm(c, axis=1, keepdims=True), 1e-12)


def _average_linkage(sims: np.ndarray, threshold: float) -> np.ndarray:
    """Average-linkage (UPGMA) groups of items whose pairwise similarities are ``sims``: the two closest groups join
    while their mean pairwise similarity reaches ``threshold``. Returns a group id per item.

    The same merges as ``scipy.cluster.hierarchy.linkage(method="average")`` cut at distance ``1 - threshold``
    (checked in the tests), in O(k^3) numpy for the few dozen clusters of a run, without the quarter second that
    importing ``scipy.cluster`` adds to a cold start.
    """
    k = sims.shape[0]
    s = np.array(sims, dtype=np.float64)
    np.fill_diagonal(s, -np.inf)
    size = np.ones(k)
    group = np.arange(k)
    for _ in range(k - 1):
        flat = int(np.argmax(s))
        i, j = divmod(flat, k)
        if s[i, j] < threshold:
            break
        merged = (size[i] * s[i] + size[j] * s[j]) / (size[i] + size[j])  # Lance-Williams update for UPGMA
        s[i, :] = merged
        s[:, i] = merged
        s[i, i] = -np.inf
        s[j, :] = -np.inf
        s[:, j] = -np.inf
        size[i] += size[j]
        group[group == j] = i
    return group


def _scipy_linkage(sims: np.ndarray, threshold: float) -> np.ndarray:
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    dist = np.clip(1.0 - sims, 0.0, 2.0)
    dist = (dist + dist.T) / 2
    np.fill_diagonal(dist, 0.0)
    return np.asarray(fcluster(linkage(squareform(dist, checks=False), method="average"), 1.0 - threshold, "distance"))


def merge_clusters(
    vectors: Any,
    counts: Sequence[int] | np.ndarray,
    labels: np.ndarray,
    keys: Sequence[Any],
    threshold: float,
    gram_matrix: np.ndarray | None = None,
    key_thresholds: Mapping[Any, float] | None = None,
) -> np.ndarray:
    """Join clusters with the same key whose centroids are close, by average linkage.

    Parameters
    ----------
    vectors, counts:
        As for :func:`leader_cluster`.
    labels:
        Cluster label of each row (from :func:`leader_cluster`), 0..k-1.
    keys:
        One key per cluster (``keys[label]``), e.g. the category the cluster was given: only clusters with equal
        keys are joined, so a merge never mixes two answers.
    threshold:
        Average-linkage cosine similarity at which two groups of clusters join.
    gram_matrix:
        As for :func:`leader_cluster`.
    key_thresholds:
        Thresholds for some keys instead of ``threshold`` (e.g. ``{None: 0.3}`` for the clusters answered new).
        A threshold of 1.0 or more leaves that key's clusters as they are.

    Returns
    -------
    New labels, 0..m-1 with m <= k, numbered by the smallest old label they contain (so the largest text's
    cluster is still 0).

    >>> import numpy as np
    >>> v = np.array([[1, 0, 0], [0.8, 0.6, 0], [0.6, 0.8, 0], [0, 0, 1]], dtype=np.float64)
    >>> labels = leader_cluster(v, [1, 1, 1, 1], threshold=0.97)
    >>> labels.tolist()
    [0, 1, 2, 3]
    >>> merge_clusters(v, [1, 1, 1, 1], labels, ["a", "a", "a", "a"], threshold=0.65).tolist()
    [0, 0, 0, 1]
    >>> merge_clusters(v, [1, 1, 1, 1], labels, ["a", "b", "a", "a"], threshold=0.65).tolist()
    [0, 1, 2, 3]
    >>> merge_clusters(v, [1] * 4, labels, ["a", "a", "a", "a"], threshold=0.65, key_thresholds={"a": 1.0}).tolist()
    [0, 1, 2, 3]
    """
    k = int(labels.max()) + 1 if len(labels) else 0
    if k < 2:
        return labels
    parent = np.arange(k)
    by_key: dict[Any, list[int]] = {}
    for label, key in enumerate(keys):
        by_key.setdefault(key, []).append(label)
    limits = {key: float((key_thresholds or {}).get(key, threshold)) for key in by_key}
    mergeable = [(m, limits[key]) for key, m in by_key.items() if 1 < len(m) <= MAX_MERGE and limits[key] < 1.0]
    if not mergeable:
        return labels
    n = vectors.shape[0]
    if n <= _SMALL_GRAM:
        # centroid cosines from the rows' Gram matrix: dense and small, no sparse centroid matrix to build
        w = np.zeros((k, n))
        w[labels, np.arange(n)] = np.asarray(counts, dtype=np.float64)
        cs = w @ (gram_matrix if gram_matrix is not None else _rows_dot(vectors, vectors)) @ w.T
        norms = np.sqrt(np.maximum(np.diag(cs), 1e-24))
        sims: np.ndarray | None = cs / np.outer(norms, norms)
        c: Any = None
    else:
        c = centroids(vectors, counts, labels)
        sims = _rows_dot(c, c) if k <= _SMALL_LINKAGE else None
    for members, limit in mergeable:
        if sims is not None:
            sub = sims[np.ix_(members, members)]
        else:
            assert c is not None
            sub = _rows_dot(c[members], c[members])
        groups = _average_linkage(sub, limit) if len(members) <= _SMALL_LINKAGE else _scipy_linkage(sub, limit)
        first: dict[int, int] = {}
        for label, g in zip(members, groups.tolist(), strict=True):
            parent[label] = first.setdefault(g, label)
    roots = parent[labels]
    _, renumbered = np.unique(roots, return_inverse=True)
    return renumbered.astype(np.int64)


def cluster_decision(members: Sequence[int], counts: Sequence[int] | np.ndarray, scores: Any, decide: Any) -> Any:
    """The decision for one cluster of distinct texts ``members``: ``decide`` on the count-weighted mean of their
    class probabilities and best similarities (the pipeline's answer for a cluster)."""
    w = np.asarray(counts)[members].astype(np.float64)
    proba = (scores.proba[members] * w[:, None]).sum(0) / w.sum()
    best_sim = (scores.best_sim[members] * w[:, None]).sum(0) / w.sum()
    return decide(proba, best_sim)


def answer_keys(labels: np.ndarray, counts: Sequence[int] | np.ndarray, scores: Any, decide: Any) -> list[Any]:
    """The answer of each cluster (a category id, or None for new), by :func:`cluster_decision`."""
    members: list[list[int]] = [[] for _ in range(int(labels.max()) + 1 if len(labels) else 0)]
    for u, label in enumerate(labels.tolist()):
        members[label].append(u)
    return [cluster_decision(m, counts, scores, decide).category for m in members]


#: the grouping view a model can name in its manifest (``grouping.new``): how the texts of failures answered new
#: are read when their clusters are merged
WITHOUT_TEST_NAME = "without-test-name"
_TEST_LINE_RE = re.compile(r"^test: [^\n]*\n?", re.MULTILINE)


def grouping_text(text: str, view: str | None) -> str:
    r"""The text a failure is grouped by under ``view``: the canonical text itself (``None``), or without its
    ``test:`` line (:data:`WITHOUT_TEST_NAME`): one cause fails tests of every name, and the name's words only
    pull its failures apart. The test's module stays (it is the first frame), and classification still reads the
    whole text.

    >>> grouping_text("exception: KeyError\nmessage: 'units'\nframes: test_m.test_top m.top\ntest: top units", None)
    "exception: KeyError\nmessage: 'units'\nframes: test_m.test_top m.top\ntest: top units"
    >>> grouping_text("exception: KeyError\nmessage: 'units'\nframes: test_m.test_top m.top\ntest: top units",
    ...               WITHOUT_TEST_NAME)
    "exception: KeyError\nmessage: 'units'\nframes: test_m.test_top m.top"
    """
    if view is None:
        return text
    if view != WITHOUT_TEST_NAME:
        raise ValueError(f"unknown grouping view {view!r}")
    return _TEST_LINE_RE.sub("", text).rstrip("\n")


def group(
    vectors: Any, counts: Sequence[int] | np.ndarray, scores: Any, model: Any, new_vectors: Any = None
) -> np.ndarray:
    """Cluster labels of distinct texts the way the pipeline groups them: leader clustering at the model's cluster
    threshold, then (when the model has merge thresholds) clusters of the same answer merged: clusters answered
    new at the model's new-merge threshold, the others at its merge threshold.

    ``new_vectors`` (the same texts read by the model's grouping view, :func:`grouping_text`) are what clusters
    answered new are merged by; without them, ``vectors``.
    """
    n = vectors.shape[0]
    # up to one leader chunk, both passes compare every row with every other: one Gram matrix serves both
    g = gram(vectors) if 1 < n <= min(_CHUNK, _SMALL_GRAM) else None
    labels = leader_cluster(vectors, counts, threshold=model.cluster_threshold, gram_matrix=g)
    merge, merge_new = model.merge_threshold, model.merge_new_threshold
    if (merge is None and merge_new is None) or len(labels) < 2:
        return labels
    keys = answer_keys(labels, counts, scores, model.classifier.decide)
    merge = merge if merge is not None else 1.0
    merge_new = merge_new if merge_new is not None else 1.0
    if new_vectors is None:
        return merge_clusters(vectors, counts, labels, keys, merge, gram_matrix=g, key_thresholds={None: merge_new})
    # two passes: the clusters of known answers by the texts, then those answered new by their grouping view
    labels = merge_clusters(vectors, counts, labels, keys, merge, gram_matrix=g, key_thresholds={None: 1.0})
    keys = answer_keys(labels, counts, scores, model.classifier.decide)
    g_new = gram(new_vectors) if g is not None else None
    return merge_clusters(new_vectors, counts, labels, keys, 1.0, gram_matrix=g_new, key_thresholds={None: merge_new})
