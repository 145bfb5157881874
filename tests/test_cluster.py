"""Leader clustering: grouping by similarity, frequency-ordered leaders, linear shape."""

from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.metrics import adjusted_rand_score

from clusterer.cluster import leader_cluster, merge_clusters

ROOT = Path(__file__).resolve().parent.parent


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


# -- the merge pass ----------------------------------------------------------------------------------------------


def _spread(rng, centre, n, scale):
    return _unit(centre + rng.normal(scale=scale, size=(n, centre.shape[0])))


def test_merge_rejoins_a_cause_that_leader_clustering_split():
    # one wide cause: members far enough apart that greedy leaders split it, but with a common centre
    rng = np.random.default_rng(1)
    centres = _unit(rng.normal(size=(2, 40)))
    v = np.vstack([_spread(rng, centres[0] * 3, 30, 0.3), _spread(rng, centres[1] * 3, 30, 0.3)])
    truth = [0] * 30 + [1] * 30
    labels = leader_cluster(v, np.ones(60), threshold=0.8)
    assert len(set(labels.tolist())) > 4  # the leader pass alone over-splits
    merged = merge_clusters(v, np.ones(60), labels, ["new"] * (labels.max() + 1), threshold=0.5)
    assert len(set(merged.tolist())) == 2
    assert adjusted_rand_score(truth, merged) == 1.0


def test_merge_never_joins_clusters_with_different_answers():
    rng = np.random.default_rng(2)
    v = _spread(rng, _unit(rng.normal(size=(1, 20)))[0] * 3, 40, 0.8)
    labels = leader_cluster(v, np.ones(40), threshold=0.9)
    keys = [k % 3 for k in range(labels.max() + 1)]
    merged = merge_clusters(v, np.ones(40), labels, keys, threshold=0.0)
    for m in set(merged.tolist()):
        assert len({keys[old] for old in labels[merged == m].tolist()}) == 1
    assert len(set(merged.tolist())) == 3  # everything else joined: at threshold 0 any two clusters may


def test_merge_keeps_sparse_and_dense_alike_and_numbers_from_the_largest():
    rng = np.random.default_rng(3)
    v = _unit(np.abs(rng.normal(size=(50, 30))))
    counts = rng.integers(1, 5, size=50)
    labels = leader_cluster(v, counts, threshold=0.9)
    keys = ["a"] * (labels.max() + 1)
    dense = merge_clusters(v, counts, labels, keys, threshold=0.85)
    sparse = merge_clusters(sp.csr_matrix(v), counts, labels, keys, threshold=0.85)
    assert dense.tolist() == sparse.tolist()
    assert dense[np.argmax(labels == 0)] == 0
    assert sorted(set(dense.tolist())) == list(range(dense.max() + 1))


def test_model_groups_the_held_out_unknowns_better_with_its_merge_pass():
    from clusterer.cluster import group
    from clusterer.evaluate import row_text
    from clusterer.model import Model
    from clusterer.train import read_corpus

    model = Model.load("tiny")
    assert model.merge_threshold is not None
    _, heldout, _ = read_corpus()
    rows = [r for r in heldout if r["category"] == "other"]
    X = model.embedder.embed([row_text(r) for r in rows])
    causes = [f"{r['library']}:{r['cause']}" for r in rows]
    leader = leader_cluster(X, np.ones(len(rows)), model.cluster_threshold)
    grouped = group(X, np.ones(len(rows)), model.classifier.scores(X), model)
    assert adjusted_rand_score(causes, grouped) > adjusted_rand_score(causes, leader) + 0.2


def test_numpy_average_linkage_matches_scipy():
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    from clusterer.cluster import _average_linkage

    rng = np.random.default_rng(7)
    for trial in range(20):
        v = _unit(rng.normal(size=(int(rng.integers(2, 40)), 6)) + rng.normal(size=6) * trial / 10)
        sims = v @ v.T
        for t in (0.2, 0.5, 0.8):
            ours = _average_linkage(sims, t)
            dist = np.clip(1 - sims, 0, 2)
            np.fill_diagonal(dist, 0)
            theirs = fcluster(linkage(squareform((dist + dist.T) / 2, checks=False), "average"), 1 - t, "distance")
            assert adjusted_rand_score(theirs, ours) == 1.0 or len(set(ours)) == len(set(theirs)) == len(v)


def test_merge_gives_the_same_groups_on_the_small_and_the_large_path(monkeypatch):
    import clusterer.cluster as cluster

    rng = np.random.default_rng(8)
    centres = _unit(rng.normal(size=(6, 30)))
    v = sp.csr_matrix(np.vstack([_spread(rng, c * 3, 25, 0.35) for c in centres]))
    counts = rng.integers(1, 4, size=150)
    labels = leader_cluster(v, counts, threshold=0.85)
    keys = [k % 2 for k in range(labels.max() + 1)]
    small = merge_clusters(v, counts, labels, keys, threshold=0.5)
    monkeypatch.setattr(cluster, "_SMALL_GRAM", 10)
    monkeypatch.setattr(cluster, "_SMALL_LINKAGE", 3)
    large = merge_clusters(v, counts, labels, keys, threshold=0.5)
    assert adjusted_rand_score(small, large) == 1.0
    assert len(set(small.tolist())) < labels.max() + 1


def test_merge_uses_a_key_s_own_threshold():
    rng = np.random.default_rng(3)
    centre = _unit(rng.normal(size=(1, 20)))[0]
    v = _unit(np.vstack([_spread(rng, centre * 3, 8, 0.6), _spread(rng, -centre * 3, 8, 0.6)]))
    labels = leader_cluster(v, np.ones(16), threshold=0.99)
    assert labels.max() == 15  # every row its own cluster
    keys = ["known"] * 8 + [None] * 8
    merged = merge_clusters(v, np.ones(16), labels, keys, threshold=1.0, key_thresholds={None: 0.3})
    assert len(set(merged[:8].tolist())) == 8  # threshold 1.0: the known clusters stay apart
    assert len(set(merged[8:].tolist())) == 1  # the new ones join at their own threshold
    assert not set(merged[:8].tolist()) & set(merged[8:].tolist())


class _Decide:
    """``decide`` of a classifier that answers new when a cluster's first probability is high."""

    def __call__(self, proba, best_sim):
        from types import SimpleNamespace

        return SimpleNamespace(category=None if proba[0] > 0.5 else "1")


def _stub_model(thresholds):
    from types import SimpleNamespace

    from clusterer.model import Model

    model = Model.__new__(Model)
    model.manifest = {"thresholds": thresholds}
    model.classifier = SimpleNamespace(decide=_Decide())
    return model


def test_group_merges_new_clusters_at_the_model_s_new_merge_threshold():
    from types import SimpleNamespace

    from clusterer.cluster import group

    rng = np.random.default_rng(4)
    centre = _unit(rng.normal(size=(1, 20)))[0]
    v = _unit(np.vstack([_spread(rng, centre * 3, 8, 0.6), _spread(rng, -centre * 3, 8, 0.6)]))
    # the first eight rows are answered "1", the last eight new
    proba = np.array([[0.1, 0.9]] * 8 + [[0.9, 0.1]] * 8)
    scores = SimpleNamespace(proba=proba, best_sim=np.zeros_like(proba))
    both = _stub_model({"cluster": 0.99, "merge": 0.99, "merge_new": 0.3})
    assert both.merge_threshold == 0.99 and both.merge_new_threshold == 0.3
    labels = group(v, np.ones(16), scores, both)
    assert len(set(labels[8:].tolist())) == 1 and len(set(labels[:8].tolist())) > 1
    # without merge_new the merge threshold serves new clusters too; with no merge at all, only merge_new merges
    assert _stub_model({"cluster": 0.99, "merge": 0.3}).merge_new_threshold == 0.3
    only_new = _stub_model({"cluster": 0.99, "merge": None, "merge_new": 0.3})
    assert only_new.merge_threshold is None
    labels = group(v, np.ones(16), scores, only_new)
    assert len(set(labels[:8].tolist())) == 8 and len(set(labels[8:].tolist())) == 1
    none = _stub_model({"cluster": 0.99, "merge": 0.3, "merge_new": 1.0})
    labels = group(v, np.ones(16), scores, none)
    assert len(set(labels[8:].tolist())) == 8 and len(set(labels[:8].tolist())) == 1


def test_new_clusters_merge_by_their_grouping_view_and_known_ones_by_their_texts():
    """With ``new_vectors`` (the texts as the model's grouping view reads them), clusters answered new are merged by
    those, and clusters of a known answer still by ``vectors``."""
    from types import SimpleNamespace

    from clusterer.cluster import group

    rng = np.random.default_rng(5)
    v = _unit(rng.normal(size=(16, 20)))  # sixteen unrelated texts: nothing merges by them
    same = _unit(np.tile(rng.normal(size=(1, 20)), (16, 1)) + rng.normal(scale=0.01, size=(16, 20)))
    proba = np.array([[0.1, 0.9]] * 8 + [[0.9, 0.1]] * 8)  # rows 0-7 answered "1", rows 8-15 new
    scores = SimpleNamespace(proba=proba, best_sim=np.zeros_like(proba))
    model = _stub_model({"cluster": 0.99, "merge": 0.5, "merge_new": 0.5})
    assert len(set(group(v, np.ones(16), scores, model).tolist())) == 16
    labels = group(v, np.ones(16), scores, model, new_vectors=same)
    assert len(set(labels[8:].tolist())) == 1  # the new ones read alike under the view: one group
    assert len(set(labels[:8].tolist())) == 8  # the known ones are not read by the view
    assert not set(labels[:8].tolist()) & set(labels[8:].tolist())


def test_new_merge_threshold_is_chosen_out_of_fold_and_needs_enough_unknowns():
    from clusterer.embed import TinyEmbedder
    from clusterer.train import NEW_MERGE_GRID, _new_merge_threshold

    words = {
        "disk-full": "OSError No space left on device while writing {lib} export chunk {i}",
        "bad-regex": "re.error unterminated character set at position {i} in {lib} pattern",
        "recursion": "RecursionError maximum recursion depth exceeded in {lib} tree walk {i}",
    }
    rows = []
    for lib in ("alpha", "beta", "gamma", "delta"):
        for cause, text in words.items():
            for i in range(3):
                rows.append(
                    {
                        "id": f"{lib}-{cause}-{i}",
                        "category": "other",
                        "library": lib,
                        "cause": cause,
                        "text": text.format(lib=lib, i=i * 7 + len(lib)),
                    }
                )
    texts = [r["text"] for r in rows]
    chosen = _new_merge_threshold(TinyEmbedder(concept_weight=0.0), texts, rows, cluster_t=0.9)
    assert chosen is not None and chosen["merge_new"] in NEW_MERGE_GRID
    per = chosen["per_threshold"]
    assert chosen["ari"] == max(per.values()) > 0.5
    # the same texts with three causes and too few libraries: no choice, the merge threshold serves
    assert _new_merge_threshold(TinyEmbedder(), texts[:18], rows[:18], cluster_t=0.9) is None
    # exemplar messages are not whole failures: they never count as unknowns to group
    messages = [r | {"shape": "message"} for r in rows]
    assert _new_merge_threshold(TinyEmbedder(), texts, messages, cluster_t=0.9) is None
    # nor do stored labels: their cause is only the category a person gave them
    labels = [r | {"shape": "user", "cause": "user:other"} for r in rows]
    assert _new_merge_threshold(TinyEmbedder(), texts, labels, cluster_t=0.9) is None


def test_the_pipeline_merges_new_clusters_by_the_model_s_grouping_view(monkeypatch):
    """classify_runs hands group() the embeddings of the texts without their test names when the model names that
    view (the bundled tiny does), and nothing when it names none (models trained before it)."""
    import copy

    from clusterer import pipeline
    from clusterer.cluster import WITHOUT_TEST_NAME, grouping_text
    from clusterer.ingest import parse_results
    from clusterer.model import Model

    run = parse_results((ROOT / "examples" / "results" / "results.json").read_bytes(), source="results.json")
    seen = []
    real_group = pipeline.group

    def spy(vectors, counts, scores, model, new_vectors=None):
        seen.append(new_vectors)
        return real_group(vectors, counts, scores, model, new_vectors=new_vectors)

    monkeypatch.setattr(pipeline, "group", spy)
    tiny = Model.load("tiny")
    assert tiny.grouping_view == WITHOUT_TEST_NAME
    with_view = pipeline.classify_runs([run], tiny)
    texts = [pipeline.MEMO.canonical(t) for t in run.failures]
    uniques = list(dict.fromkeys(texts))
    expected = tiny.embedder.embed([grouping_text(t, WITHOUT_TEST_NAME) for t in uniques])
    assert any("\ntest: " in t for t in uniques)  # the view has something to drop
    np.testing.assert_array_equal(seen[-1].toarray(), expected.toarray())

    older = copy.copy(tiny)
    older.manifest = {k: v for k, v in tiny.manifest.items() if k != "grouping"}
    without = pipeline.classify_runs([run], older)
    assert seen[-1] is None
    assert [c.category for c in with_view.clusters] == [c.category for c in without.clusters]
