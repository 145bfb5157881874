"""The sparse x sparse products of scoring and clustering, computed through scipy's sparse x dense kernel.

Both products (:func:`clusterer.classify._similarities`, :func:`clusterer.cluster.gram`) lay a block of CSR rows out
densely over the columns the block uses, so that scipy's sparse x dense kernel adds the same products in the same
order as its sparse x sparse product: the same float32 bits, without the symbolic pass and hash accumulators.
"""

from __future__ import annotations

import numpy as np


def columns_in_use(indices: np.ndarray, width: int) -> tuple[np.ndarray, np.ndarray]:
    """The distinct columns among ``indices`` (sorted) and, for each entry of ``indices``, its position among them."""
    mark = np.zeros(width, dtype=bool)
    mark[indices] = True
    return np.flatnonzero(mark), (np.cumsum(mark, dtype=np.int64) - 1)[indices]


def dense_columns(position: np.ndarray, indptr: np.ndarray, data: np.ndarray, n_columns: int) -> np.ndarray:
    """CSR rows (``indptr`` of the block, entries at ``position`` from :func:`columns_in_use`) laid out densely,
    one column per row: a float32 array of shape ``(n_columns, rows)``."""
    n = len(indptr) - 1
    dense = np.zeros((n_columns, n), dtype=np.float32)
    dense[position, np.repeat(np.arange(n), np.diff(indptr))] = data
    return dense
