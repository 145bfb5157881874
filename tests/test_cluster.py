"""Leader clustering: grouping by similarity, frequency-ordered leaders, linear shape."""

import numpy as np
import scipy.sparse as sp

from clusterer.cluster import leader_cluster


def _unit(rows):
    a = np.asarray(rows, dtype=np.float32)
    return a / np.linalg.norm(a, axis=1, keepdims=True)


def test_groups_by_threshold_dense_and_sparse():
    v = _unit([[1, 0, 0], [0.95, 0.05, 0], [0, 1, 0], [0, 0.97, 0.03], [0, 0, 1]])
    dense = leader_cluster(v, [1, 1, 1, 1, 1], threshold=0.9)
    sparse = leader_cluster(sp.csr_matrix(v), [1, 1, 1, 1, 1], threshold=0.9)
    assert dense.tolist() == sparse.tolist() == [0, 0, 1, 1, 2]


def test_most_frequent_text_leads():
    v = _unit([[1, 0], [0.8, 0.6]])
    assert leader_cluster(v, [1, 10], threshold=0.9).tolist() == [1, 0]


def test_threshold_one_keeps_every_distinct_text_apart():
    v = _unit([[1, 0], [0.99, 0.01], [0, 1]])
    assert len(set(leader_cluster(v, [1, 1, 1], threshold=1.01).tolist())) == 3


def test_chunk_boundaries_do_not_split_identical_directions():
    rng = np.random.default_rng(0)
    centres = _unit(rng.normal(size=(5, 50)))
    rows = np.repeat(centres, 300, axis=0) + rng.normal(scale=0.01, size=(1500, 50))
    labels = leader_cluster(_unit(rows), np.ones(1500), threshold=0.9)
    assert len(set(labels.tolist())) == 5
    for k in range(5):
        assert len(set(labels[k * 300 : (k + 1) * 300].tolist())) == 1


def test_empty_input():
    assert leader_cluster(np.zeros((0, 3), np.float32), []).shape == (0,)
