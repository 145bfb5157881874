"""Group failures: identical canonical texts collapse first, then similar ones join a leader.

Leader clustering keeps the cost linear in the number of distinct texts (times the number of clusters, which
stays small): distinct texts are visited from the most to the least frequent, and each joins the most similar
existing leader when the cosine similarity reaches ``threshold``, or becomes a leader itself. No n x n distance
matrix is ever built, so 100,000 failures cluster in the same memory as 1,000.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import scipy.sparse as sp

DEFAULT_THRESHOLD = 0.6
_CHUNK = 512


def _rows_dot(a: Any, b: Any) -> np.ndarray:
    out = a @ b.T
    return out.toarray() if sp.issparse(out) else np.asarray(out)


def leader_cluster(
    vectors: Any, counts: Sequence[int] | np.ndarray, threshold: float = DEFAULT_THRESHOLD
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
