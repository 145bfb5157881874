"""The exemplar classifier: calibrated threshold, exemplar bank, persistence; library-dropout copies."""

import numpy as np
import pytest
import scipy.sparse as sp

from clusterer.classify import _CONFIDENCE_SIGNS, OTHER, ExemplarClassifier, _monotone_logistic, confidence_features
from clusterer.train import library_dropout


def _blobs(seed: int = 0, per: int = 30, dims: int = 12, spread: float = 0.6):
    """Three known classes and "other", as L2-normalised sparse rows, with a library per row (5 per class)."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(4, dims)) * 2
    labels = ["1", "2", "3", OTHER]
    X, y, groups = [], [], []
    for ci, label in enumerate(labels):
        rows = centres[ci] + rng.normal(scale=spread * 2, size=(per, dims))
        X.append(rows)
        y += [label] * per
        groups += [f"{label}:lib{i % 5}" for i in range(per)]
    X = np.vstack(X)
    X /= np.linalg.norm(X, axis=1, keepdims=True)
    return sp.csr_matrix(X.astype(np.float32)), np.array(y, dtype=object), groups


def test_threshold_is_the_cost_minimum_when_it_is_sharp():
    clf = ExemplarClassifier(wrong_cost=4.0)  # any cost: the shape of the rule is what is tested
    conf = np.linspace(0.1, 0.99, 200)
    # every row below 0.6 is a wrong answer, every row above a right one: the only good threshold is 0.6
    wrong = conf < 0.6
    t = clf._choose_threshold(conf, np.ones(200, bool), wrong, np.ones(200, bool))
    assert 0.59 <= t <= 0.61


def test_threshold_is_stable_on_a_flat_cost_curve():
    rng = np.random.default_rng(5)
    n = 600
    conf = rng.uniform(0.2, 1.0, n)
    # the chance of a wrong answer falls with confidence: the expected cost is flat over a wide band
    wrong = rng.uniform(size=n) < (1 - conf) * 0.45
    clf = ExemplarClassifier(wrong_cost=4.0)  # any cost: the shape of the rule is what is tested
    picks = []
    for seed in range(6):
        keep = np.random.default_rng(seed).uniform(size=n) > 0.1  # drop 10% of the rows
        ones = np.ones(keep.sum(), bool)
        picks.append(clf._choose_threshold(conf[keep], ones, wrong[keep], ones))
    assert clf._choose_threshold(conf, np.ones(n, bool), wrong, np.ones(n, bool)) == clf._choose_threshold(
        conf, np.ones(n, bool), wrong, np.ones(n, bool)
    )
    assert max(picks) - min(picks) <= 0.1, picks


def test_threshold_does_not_jump_between_two_basins_of_the_cost_curve():
    """Two thresholds cost the same (0.5: answer the right rows above it and the 10 wrong ones in 0.7-0.8; 0.8:
    decline those too, at the price of 30 right rows): one more wrong row must not move the threshold from one
    basin to the other (the median of the bootstrap picks did, 0.495 -> 0.785)."""

    def rows(extra_wrong: int) -> tuple[np.ndarray, np.ndarray]:
        blocks = [
            (0.2, 0.5, 30, True),
            (0.5, 0.7, 30, False),
            (0.7, 0.8, 10 + extra_wrong, True),
            (0.8, 1.0, 40, False),
        ]
        conf = np.concatenate([np.linspace(lo, hi, n, endpoint=False) for lo, hi, n, _ in blocks])
        wrong = np.concatenate([np.full(n, w) for _, _, n, w in blocks])
        return conf, wrong

    clf = ExemplarClassifier(wrong_cost=4.0)
    thresholds = []
    for extra in (0, 1):
        conf, wrong = rows(extra)
        ones = np.ones(len(conf), bool)
        thresholds.append(clf._choose_threshold(conf, ones, wrong, ones))
    assert all(0.2 < t < 1.0 for t in thresholds), thresholds
    assert abs(thresholds[1] - thresholds[0]) <= 0.1, thresholds


def test_bank_rows_are_the_only_exemplars_and_calibration_reports_them():
    X, y, groups = _blobs()
    n = X.shape[0]
    copies = X[: n // 2]  # stand-ins for augmented copies
    X_fit = sp.vstack([X, copies], format="csr")
    y_fit = np.concatenate([y, y[: n // 2]])
    bank = np.arange(X_fit.shape[0]) < n
    clf = ExemplarClassifier(n_splits=5).fit(X_fit, y_fit, groups=groups + groups[: n // 2], bank=bank)
    assert clf.exemplars_.shape[0] == n and list(clf.exemplar_labels_) == list(y)
    assert clf.calibration_["rows"] == n and clf.calibration_["augmented_rows"] == n // 2
    s = clf.scores(X)
    answers = [clf.decide(s.proba[i], s.best_sim[i]).category for i in range(n)]
    known = [i for i in range(n) if y[i] != OTHER]
    assert sum(answers[i] == y[i] for i in known) / len(known) > 0.8
    assert all(a in (None, y[i]) for i, a in enumerate(answers) if y[i] != OTHER)


def test_state_round_trip_keeps_every_decision():
    X, y, groups = _blobs(seed=1)
    clf = ExemplarClassifier(n_splits=5).fit(X, y, groups=groups)
    params, arrays = clf.to_state()
    back = ExemplarClassifier.from_state(params, arrays)
    a, b = clf.scores(X), back.scores(X)
    np.testing.assert_allclose(a.proba, b.proba, atol=1e-6)
    for i in range(X.shape[0]):
        assert clf.decide(a.proba[i], a.best_sim[i]) == back.decide(b.proba[i], b.best_sim[i])


def test_stacked_confidence_persists_and_an_older_state_answers_by_the_linear_probability():
    X, y, groups = _blobs(seed=1, spread=1.0)
    clf = ExemplarClassifier(n_splits=5).fit(X, y, groups=groups)
    params, arrays = clf.to_state()
    assert len(params["confidence_coef"]) == 7  # six features and the intercept
    s = clf.scores(X)
    stacked = [clf.decide(s.proba[i], s.best_sim[i]) for i in range(X.shape[0])]
    # the stacked confidence is its own figure, not the linear model's probability
    raw = [s.proba[i][list(clf.classes_).index(d.best_known)] for i, d in enumerate(stacked)]
    answered = [i for i, d in enumerate(stacked) if d.category]
    assert answered and any(abs(stacked[i].confidence - raw[i]) > 0.01 for i in answered)
    # decide's confidence is the fitted stacked model over the row's confidence_features, the same features the
    # calibration fitted it on
    other = clf._other_index()
    feats = [confidence_features(s.proba[i], s.best_sim[i], clf._ranked(s.proba[i]), other) for i in range(len(y))]
    w = clf.confidence_coef_
    want = 1.0 / (1.0 + np.exp(-(np.array(feats) @ w[:-1] + w[-1])))
    got = [d.best_known_confidence for d in stacked]
    assert all(d.confidence == d.best_known_confidence for d in stacked if d.category)
    np.testing.assert_allclose(got, want, rtol=0, atol=1e-9)  # the same arithmetic, summed in another order
    # a model stored before the stacked confidence existed keeps answering as it did
    params.pop("confidence_coef")
    params.pop("new_confidence_coef")
    old = ExemplarClassifier.from_state(params, arrays)
    for i in range(X.shape[0]):
        d = old.decide(s.proba[i], s.best_sim[i])
        assert d.confidence == pytest.approx(raw[i] if d.category else 1 - raw[i])


def _declined(clf, X):
    s = clf.scores(X)
    other = clf._other_index()
    out = []
    for i in range(X.shape[0]):
        d = clf.decide(s.proba[i], s.best_sim[i])
        if d.category is None:
            out.append((d, confidence_features(s.proba[i], s.best_sim[i], clf._ranked(s.proba[i]), other), i))
    return out, s


def test_a_new_answer_states_how_often_declined_failures_were_of_no_known_category():
    """A "new" answer's confidence is the out-of-fold chance that a declined failure is unknown, not one minus
    the best guess's confidence: where the declined failures were mostly known ones (known categories that
    overlap, few unrelated failures), new answers state less than that complement, and less than where the
    declined failures were mostly unrelated ones."""
    X, y, groups = _blobs(seed=5, spread=1.2)
    overlap = [i for i in range(len(y)) if y[i] != OTHER or i % 6 == 0]  # keep one unrelated failure in six
    Xo, yo, go = X[overlap], y[overlap], [groups[i] for i in overlap]
    mostly_known = ExemplarClassifier(n_splits=5).fit(Xo, yo, groups=go)
    Xs, ys, gs = _blobs(seed=5, spread=0.5)  # the classes far apart: the declined failures are the unrelated ones
    separated = ExemplarClassifier(n_splits=5).fit(Xs, ys, groups=gs)
    for clf in (mostly_known, separated):
        w = clf.new_confidence_coef_
        assert w is not None and len(w) == 7
        assert w[0] <= 0 and w[1] >= 0 and w[2] <= 0 and w[3] <= 0 and w[4] <= 0  # held to their signs
        assert 0 < clf.calibration_["new_that_are_other"] < 1
    declined, _ = _declined(mostly_known, Xo)
    assert declined
    w = mostly_known.new_confidence_coef_
    for d, feats, _ in declined:  # the fitted regression over the row's features
        assert d.confidence == pytest.approx(1 / (1 + np.exp(-(np.dot(feats, w[:-1]) + w[-1]))))
    stated = np.mean([d.confidence for d, _, _ in declined])
    complement = np.mean([1 - d.best_known_confidence for d, _, _ in declined])
    assert stated < complement
    sep_declined, _ = _declined(separated, Xs)
    assert stated < np.mean([d.confidence for d, _, _ in sep_declined])
    # it travels with the artefact; a model stored without it states the complement, as before
    params, arrays = mostly_known.to_state()
    back = ExemplarClassifier.from_state(params, arrays)
    s = back.scores(Xo)
    for d, _, i in declined:
        assert back.decide(s.proba[i], s.best_sim[i]) == d
    params.pop("new_confidence_coef")
    old = ExemplarClassifier.from_state(params, arrays)
    for d, _, i in declined:
        assert old.decide(s.proba[i], s.best_sim[i]).confidence == pytest.approx(1 - d.best_known_confidence)


def test_stacked_confidence_falls_with_the_distance_to_the_exemplars():
    X, y, groups = _blobs(seed=3, spread=1.0)
    clf = ExemplarClassifier(n_splits=5).fit(X, y, groups=groups)
    s = clf.scores(X)
    i = next(i for i in range(X.shape[0]) if clf.decide(s.proba[i], s.best_sim[i]).category)
    d = clf.decide(s.proba[i], s.best_sim[i])
    col = list(clf.classes_).index(d.best_known)
    farther = s.best_sim[i].copy()
    farther[col] -= 0.3  # the same votes of the linear model, its nearest exemplar much farther away
    far = clf.decide(s.proba[i], farther)
    assert far.best_known_confidence < d.confidence
    with pytest.raises(ValueError, match="'stacked', 'monotone' or 'proba'"):
        ExemplarClassifier(confidence="distance").fit(X, y, groups=groups)
    legacy = ExemplarClassifier(n_splits=5, confidence="proba").fit(X, y, groups=groups)
    assert legacy.confidence_coef_ is None
    assert legacy.decide(s.proba[i], s.best_sim[i]).confidence == pytest.approx(s.proba[i][col])


def test_monotone_fit_is_the_logistic_regression_when_no_sign_binds():
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(0)
    X = rng.normal(size=(400, 3))
    y = X @ [1.5, -1.0, 0.5] + rng.normal(size=400) > 0
    free = LogisticRegression(C=1.0, max_iter=1000).fit(X, y)
    np.testing.assert_allclose(_monotone_logistic(X, y, (1, -1, 1)), np.r_[free.coef_[0], free.intercept_], atol=2e-3)
    # a weight against its sign is held at 0, the others refit without it
    held = _monotone_logistic(X, y, (1, 1, 1))
    assert held[1] == 0.0 and held[0] > 0 and held[2] > 0
    # a sign 0 leaves its weight free
    np.testing.assert_allclose(_monotone_logistic(X, y, (1, 0, 1)), np.r_[free.coef_[0], free.intercept_], atol=2e-3)


def test_monotone_confidence_never_falls_as_the_evidence_grows():
    """Every weight of the monotone confidence has its sign (or is 0), so moving a failure nearer its category's
    exemplars never lowers its confidence; the free stacked regression has no such guarantee (on the corpus it
    learned a negative weight for the similarity)."""
    X, y, groups = _blobs(seed=3, spread=1.0)
    free = ExemplarClassifier(n_splits=5, confidence="stacked").fit(X, y, groups=groups)
    mono = ExemplarClassifier(n_splits=5).fit(X, y, groups=groups)
    assert mono.confidence == "monotone"
    signs = np.sign(mono.confidence_coef_[:-1])
    assert all(s == 0 or s == want for s, want in zip(signs, _CONFIDENCE_SIGNS, strict=True))
    s = mono.scores(X)
    for i in range(0, X.shape[0], 7):
        col = list(mono.classes_).index(mono.decide(s.proba[i], s.best_sim[i]).best_known)
        confidences = []
        for step in (0.0, 0.1, 0.2, 0.3):
            nearer = s.best_sim[i].copy()
            nearer[col] += step
            d = mono.decide(s.proba[i], nearer)
            confidences.append(d.confidence if d.category else 1 - d.confidence)
        assert confidences == sorted(confidences)
    assert free.confidence_coef_ is not None and not np.array_equal(free.confidence_coef_, mono.confidence_coef_)


def test_repeated_cross_validation_averages_several_fold_assignments(monkeypatch):
    """Each repeat fits the linear model on every fold of its own assignment of libraries to folds."""
    X, y, groups = _blobs(seed=4)
    seen: list[tuple] = []
    folds = ExemplarClassifier._folds

    def recording(self, *args, **kwargs):
        pairs = folds(self, *args, **kwargs)
        seen.append(tuple(tuple(sorted(test.tolist())) for _, test in pairs))
        return pairs

    monkeypatch.setattr(ExemplarClassifier, "_folds", recording)
    for how in ("hash", "sizes"):
        seen.clear()
        three = ExemplarClassifier(n_splits=5, n_repeats=3, folds=how).fit(X, y, groups=groups)
        assert len(seen) == 3 and len(set(seen)) == 3  # three different assignments of the libraries to folds
        for pairs in seen:  # each is a partition of the rows that keeps every library in one fold
            rows = sorted(i for fold in pairs for i in fold)
            assert rows == list(range(X.shape[0])) and len(pairs) >= 2
            assert all(
                len({groups[i] for i in fold} & {groups[j] for j in other}) == 0
                for fold in pairs
                for other in pairs
                if other != fold
            )
        seen.clear()
        one = ExemplarClassifier(n_splits=5, n_repeats=1, folds=how).fit(X, y, groups=groups)
        assert len(seen) == 1
        assert 0.05 <= three.proba_threshold_ < 1.0 and 0.05 <= one.proba_threshold_ < 1.0
        # the parameters travel with the artefact
        params, arrays = three.to_state()
        back = ExemplarClassifier.from_state(params, arrays)
        assert (back.n_repeats, back.folds) == (3, how)
    with pytest.raises(ValueError, match="unknown folds"):
        ExemplarClassifier(folds="random").fit(X, y, groups=groups)


def _fold_of(pairs, groups):
    return {groups[i]: f for f, (_, test) in enumerate(pairs) for i in test}


def test_hashed_folds_keep_each_library_in_its_fold_when_other_rows_change():
    """Calibration folds by library name: removing a library, or rows of one, moves no other library to another
    fold, so a retrain on a few more or fewer labels is calibrated on the same out-of-fold comparisons (scikit-learn's
    GroupKFold deals libraries by size, and one row fewer can re-deal them all)."""
    groups = np.array([f"{c}:lib{i}" for c in "1234" for i in range(15) for _ in range(1 + i % 4)])
    y = np.array([g.split(":")[0] for g in groups], dtype=object)
    clf = ExemplarClassifier(folds="hash")
    keep = (groups != "2:lib7") & ~((groups == "3:lib3") & (np.arange(len(groups)) % 2 == 0))
    for repeat in range(3):
        before = _fold_of(clf._folds(groups, y, 5, repeat), groups.tolist())
        sub = groups[keep].tolist()
        after = _fold_of(clf._folds(groups[keep], y[keep], 5, repeat), sub)
        assert set(after) == set(sub) and after == {g: before[g] for g in after}
        assert len(set(before.values())) == 5  # 60 libraries fill every fold
    assert _fold_of(clf._folds(groups, y, 5, 0), groups.tolist()) != _fold_of(
        clf._folds(groups, y, 5, 1), groups.tolist()
    )
    # two libraries that hash into one fold cannot make two folds: the size-balanced deal is used instead
    two = np.array(["a"] * 3 + ["b"] * 3)
    for repeat in range(8):  # (calibration asks for at most as many folds as libraries)
        pairs = clf._folds(two, np.array(["1"] * 6, dtype=object), 2, repeat)
        assert len(pairs) == 2 and all(len(train) and len(test) for train, test in pairs)


def test_rows_outside_calibrate_train_but_do_not_choose_the_threshold():
    X, y, groups = _blobs(seed=2)
    n = X.shape[0]
    full = ExemplarClassifier(n_splits=5).fit(X, y, groups=groups)
    # mark half the rows as bare messages: they stay exemplars and train the model, the others calibrate
    whole = np.arange(n) % 2 == 0
    part = ExemplarClassifier(n_splits=5).fit(X, y, groups=groups, calibrate=whole)
    assert part.exemplars_.shape[0] == n
    np.testing.assert_array_equal(part.coef_, full.coef_)
    assert part.calibration_["rows"] == int(whole.sum()) and full.calibration_["rows"] == n


def test_scores_are_the_same_in_any_row_blocking(monkeypatch):
    import clusterer.classify as classify

    X, y, groups = _blobs(seed=3)
    clf = ExemplarClassifier(n_splits=5).fit(X, y, groups=groups)
    whole = clf.scores(X)
    monkeypatch.setattr(classify, "_SCORE_ROWS", 7)  # blocks of 7 rows, the last one short
    blocked = clf.scores(X)
    for field in ("proba", "best_sim", "nearest", "nearest_sim"):
        np.testing.assert_array_equal(getattr(whole, field), getattr(blocked, field))
    assert clf.scores(X[:0]).nearest.shape == (0, min(clf.k, X.shape[0]))


@pytest.mark.parametrize(
    ("row", "text", "expected"),
    [
        (
            {"library": "sqlalchemy"},
            "exception: sqlalchemy.exc.TimeoutError\nframes: app.get sqlalchemy.pool.impl._do_get",
            "exception: lib\nframes: app.get lib",
        ),
        ({"library": "requests-mock", "dist": "requests-mock"}, "frames: requests_mock.adapter.send", "frames: lib"),
        ({"library": "flask-limiter", "dist": "Flask-Limiter"}, "frames: flask_limiter.extension.x", "frames: lib"),
    ],
)
def test_library_dropout_cuts_the_rows_own_library(row, text, expected):
    assert library_dropout([row], [text]) == [(0, expected)]


def test_library_dropout_skips_rows_it_cannot_change():
    rows = [{"library": "module-state"}, {}, {"library": "db"}]
    texts = ["exception: AssertionError", "exception: KeyError", "frames: dbx.run"]
    assert library_dropout(rows, texts) == []  # not named in the text, no library, and a name under 3 letters


def test_per_category_thresholds_follow_each_answers_own_out_of_fold_cost():
    """Classes 1 and 2 overlap and 3 stands apart: with ``per_category`` an answer of 3 (rarely wrong out of fold)
    needs no more confidence than an answer of 1 or 2 (often wrong); without it, one threshold serves all, and
    the per-answer figures are still reported."""
    rng = np.random.default_rng(7)
    dims, per = 10, 60
    centres = rng.normal(size=(3, dims)) * 2
    centres = np.vstack([centres[0], centres[0] + rng.normal(scale=0.3, size=dims), centres[1], centres[2]])
    X, y, groups = [], [], []
    for ci, label in enumerate(["1", "2", "3", OTHER]):
        X.append(centres[ci] + rng.normal(scale=1.5, size=(per, dims)))
        y += [label] * per
        groups += [f"{label}:lib{i % 6}" for i in range(per)]
    X = np.vstack(X)
    X = sp.csr_matrix((X / np.linalg.norm(X, axis=1, keepdims=True)).astype(np.float32))
    y = np.array(y, dtype=object)

    shared = ExemplarClassifier(n_splits=5, n_repeats=1).fit(X, y, groups=groups)
    assert shared.proba_thresholds_ == {}
    per_answer = shared.calibration_["per_answer"]
    assert sorted(per_answer) == ["1", "2", "3"]
    assert sum(v["rows"] for v in per_answer.values()) == len(y)  # every row has a best known answer

    own = ExemplarClassifier(n_splits=5, n_repeats=1, per_category=True).fit(X, y, groups=groups)
    t = own.proba_thresholds_
    assert t == {c: v["threshold"] for c, v in own.calibration_["per_answer"].items()}
    assert t["3"] < min(t["1"], t["2"]), t
    # same data, same linear model and confidence: the answers differ only where a row's confidence lies between
    # its answer's own threshold and the shared one
    s = own.scores(X)
    differ = 0
    for i in range(len(y)):
        a, b = shared.decide(s.proba[i], s.best_sim[i]), own.decide(s.proba[i], s.best_sim[i])
        if a.category != b.category:
            differ += 1
            p = b.best_known_confidence
            lo, hi = sorted((t[b.best_known], shared.proba_threshold_))
            assert lo <= p < hi, (i, p, lo, hi)
    assert differ > 0
    # and the thresholds travel with the artefact
    params, arrays = own.to_state()
    back = ExemplarClassifier.from_state(params, arrays)
    assert back.proba_thresholds_ == t and back.per_category
