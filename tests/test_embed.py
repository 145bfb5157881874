"""The tiny embedder: normalised float32 rows, similarity that follows shared content, persistence."""

import numpy as np
import pytest

from clusterer._params import NotFittedError
from clusterer.embed import Embedder, TinyEmbedder, split_identifiers

TRAIN = [
    "exception: sqlalchemy.exc.TimeoutError\nmessage: QueuePool limit of size <num> overflow <num> reached",
    "exception: RuntimeError\nmessage: Event loop is closed",
    "exception: websockets.exceptions.ConnectionClosedError\nmessage: no close frame received or sent",
    "exception: AssertionError\nmessage: assert <num> == <num>",
]


@pytest.fixture(scope="module")
def emb() -> TinyEmbedder:
    return TinyEmbedder().fit(TRAIN)


def test_rows_are_l2_normalised_float32(emb):
    X = emb.embed([*TRAIN, "exception: ValueError\nmessage: something entirely different"])
    assert X.dtype == np.float32
    norms = np.sqrt(np.asarray(X.multiply(X).sum(axis=1)).ravel())
    np.testing.assert_allclose(norms[:4], 1.0, rtol=1e-5)
    assert isinstance(emb, Embedder)


def test_empty_and_unseen_text_give_zero_vector(emb):
    X = emb.embed(["", "zzzz qqqq"])
    assert X.shape[0] == 2 and X.nnz == 0


def test_similarity_follows_shared_cause(emb):
    a, b, c = emb.embed(
        [
            "exception: sqlalchemy.exc.TimeoutError\nmessage: QueuePool limit of size <num> overflow <num> reached,"
            " connection timed out",
            "exception: sqlalchemy.exc.TimeoutError\nmessage: QueuePool limit of size <num> overflow <num> reached",
            "exception: RuntimeError\nmessage: Event loop is closed",
        ]
    )
    same = (a @ b.T).toarray()[0, 0]
    other = (a @ c.T).toarray()[0, 0]
    assert same > 0.8 > other


def test_camel_case_identifiers_share_words(emb):
    assert "queue pool" in split_identifiers("QueuePool")
    x, y = emb.embed(["message: QueuePool limit", "message: queue pool limit"])
    assert (x @ y.T).toarray()[0, 0] > 0.5


def test_state_round_trip_gives_identical_vectors(emb):
    params, arrays = emb.to_state()
    again = TinyEmbedder.from_state(params, arrays)
    X, Y = emb.embed(TRAIN), again.embed(TRAIN)
    assert (X != Y).nnz == 0


def test_transform_before_fit_raises():
    with pytest.raises(NotFittedError):
        TinyEmbedder().embed(["x"])


def test_l2_normalize_rows_handles_empty_rows_anywhere():
    import scipy.sparse as sp

    from clusterer.embed import l2_normalize_rows

    x = sp.csr_matrix(np.array([[0, 0], [3, 4], [0, 0], [0, 0]], dtype=np.float32))
    out = l2_normalize_rows(x).toarray()
    np.testing.assert_allclose(out, [[0, 0], [0.6, 0.8], [0, 0], [0, 0]])


def test_concept_block_links_libraries_by_mechanism(emb):
    # the two messages share no word, only their mechanism's vocabulary (rate limiting)
    pair = ["message: bucket throttle exceeded", "message: limiter quota 429"]
    a, b = emb.embed(pair)
    with_concepts = (a @ b.T).toarray()[0, 0]
    a, b = TinyEmbedder(concept_weight=0.0).fit(TRAIN).embed(pair)
    without = (a @ b.T).toarray()[0, 0]
    assert with_concepts > without + 0.05


def test_frames_between_the_test_and_the_failure_are_not_features():
    """The project's own frames between the outermost (the test) and the innermost ones (where it failed) do not
    move the vector; the test's and the innermost do. The old artefacts' state has no ``max_frames``: they read
    every frame, as they were trained."""
    head = "exception: sqlalchemy.exc.TimeoutError\nmessage: QueuePool limit of size <num> overflow <num> reached\n"
    inner = "sqlalchemy.pool.base.connect sqlalchemy.pool.impl._do_get"
    texts = [
        f"{head}frames: test_orders.test_cancel orders.service.cancel orders.db.session {inner}\ntest: cancel",
        f"{head}frames: test_orders.test_cancel billing.api.refund billing.db.get {inner}\ntest: cancel",
        f"{head}frames: test_billing.test_cancel billing.api.refund billing.db.get {inner}\ntest: cancel",
        f"{head}frames: test_orders.test_cancel billing.api.refund billing.db.get sqlalchemy.engine.run\ntest: cancel",
    ]
    capped = TinyEmbedder(max_frames=3).fit(TRAIN + texts)
    a, b, c, d = capped.embed(texts).toarray()
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(b, c) and not np.array_equal(b, d)
    every = TinyEmbedder(max_frames=None).fit(TRAIN + texts)
    a, b, _, _ = every.embed(texts).toarray()
    assert not np.array_equal(a, b)
    params, arrays = every.to_state()
    del params["max_frames"]  # a model trained before the parameter existed
    old = TinyEmbedder.from_state(params, arrays)
    assert old.max_frames is None
    np.testing.assert_array_equal(old.embed(texts).toarray(), every.embed(texts).toarray())
    params, arrays = capped.to_state()
    np.testing.assert_array_equal(
        TinyEmbedder.from_state(params, arrays).embed(texts).toarray(), capped.embed(texts).toarray()
    )
