"""Active learning: which failures of a classify answer would teach the model most if someone labelled them.

Three kinds of hint, most useful first:

- ``disagreement``: a failure that someone already labelled, answered differently by the model (the label and
  the model cannot both be right), or a cluster whose members, taken alone, would get other answers than the
  cluster as a whole (the cluster mixes causes, or the category's boundary runs through it);
- ``new``: a cluster that matches no known category: labelling it (with a new category, or ``other``) is what
  turns a "new" into an answer next time;
- ``low-margin``: a known answer that was a close call between two categories (or a category and "other").

The model is only read: suggestions never change it or the store.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from .model import Model
from .normalize import canonical_text
from .records import Run
from .schema import ClassifyResult

#: A known answer whose margin over the runner-up is below this is a close call.
LOW_MARGIN = 0.25
_WEIGHT = {"disagreement": 3.0, "new": 2.0, "low-margin": 1.0}


@dataclass
class Suggestion:
    """One cluster worth labelling, why, and the command that labels it."""

    cluster: str
    kind: str
    score: float
    size: int
    category: str
    name: str
    reason: str
    tests: list[str] = field(default_factory=list)
    command: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (``cluster suggest --format json``)."""
        return asdict(self)


def suggest(
    runs: Sequence[Run],
    model: Model,
    result: ClassifyResult,
    *,
    labels: Sequence[Any] = (),
    files: Sequence[str] = (),
    limit: int = 10,
) -> list[Suggestion]:
    """Rank the clusters of ``result`` by how much labelling them would teach ``model``.

    Parameters
    ----------
    runs:
        The runs that were classified (to look at each failure alone).
    model:
        The model that produced ``result``.
    result:
        :func:`clusterer.pipeline.classify_runs` of ``runs`` with ``model``.
    labels:
        Stored labels (:class:`clusterer.labels.Label`) to find disagreements with.
    files:
        The results files, for the suggested ``cluster label`` command.
    limit:
        Most suggestions returned.

    Returns
    -------
    Suggestions, most useful first.
    """
    failures = [t for run in runs for t in run.failures]
    by_member = {(f.test, f.run): i for i, f in enumerate(failures)}
    texts = [canonical_text(t) for t in failures]
    alone = _alone(texts, model)
    labelled: dict[tuple[str, str], Any] = {}
    by_text: dict[str, Any] = {}
    for lab in labels:  # oldest first: the latest label wins
        labelled[(lab.test, lab.text)] = lab
        by_text[lab.text] = lab
    target = " ".join(files) if files else "RESULTS"
    several = len(runs) > 1
    out: list[Suggestion] = []
    for c in result.clusters:
        members = [by_member.get(_split_member(m, several)) for m in c.members]
        idx = [i for i in members if i is not None]
        answer = "new" if c.is_new else c.category
        tests = [failures[i].test for i in idx[:3]]
        command = f"cluster label {target} --cluster {c.id} --category <id>"
        size_bonus = math.log1p(c.size) / 10
        # 1. stored labels that the model contradicts
        contradicted: Counter[tuple[str, str]] = Counter()
        alike = 0
        for i in idx:
            lab = labelled.get((failures[i].test, texts[i]))
            if lab is None and texts[i] in by_text:
                lab, alike = by_text[texts[i]], alike + 1
            if lab is not None and lab.category != answer:
                contradicted[(lab.category, lab.author)] += 1
        if contradicted:
            (cat, who), n = contradicted.most_common(1)[0]
            same = f" ({alike} of them by an identical failure)" if alike else ""
            out.append(
                Suggestion(
                    c.id,
                    "disagreement",
                    _WEIGHT["disagreement"] + size_bonus,
                    c.size,
                    answer,
                    c.name,
                    f"{n} member(s) labelled #{cat}{same} by {who or 'someone'}, but the model "
                    f"answers {_said(answer)}: retrain (cluster train), or correct the label",
                    tests,
                    f"cluster label {target} --cluster {c.id} --category {cat}",
                )
            )
            continue
        # 2. members that alone would get another answer than the cluster
        others = Counter(alone[i] for i in idx if alone[i] != answer)
        if others and sum(others.values()) * 4 >= len(idx):
            other, n = others.most_common(1)[0]
            out.append(
                Suggestion(
                    c.id,
                    "disagreement",
                    _WEIGHT["disagreement"] - 0.5 + size_bonus,
                    c.size,
                    answer,
                    c.name,
                    f"the cluster answers {_said(answer)} but {n} of its {len(idx)} members "
                    f"alone look like {_said(other)}: label them to settle it",
                    tests,
                    command,
                )
            )
            continue
        # 3. new clusters
        if c.is_new:
            out.append(
                Suggestion(
                    c.id,
                    "new",
                    _WEIGHT["new"] + size_bonus,
                    c.size,
                    answer,
                    c.name,
                    f"matches no known category (closest #{c.best_known} at {c.best_known_confidence:.2f}, "
                    f"similarity {c.similarity:.2f}): label it with a new category or 'other'",
                    tests,
                    command,
                )
            )
            continue
        # 4. close calls
        if c.margin < LOW_MARGIN:
            out.append(
                Suggestion(
                    c.id,
                    "low-margin",
                    _WEIGHT["low-margin"] + (LOW_MARGIN - c.margin) + size_bonus,
                    c.size,
                    answer,
                    c.name,
                    f"close call: {_said(answer)} by a margin of "
                    f"{c.margin:.2f} over the runner-up: confirm or correct it",
                    tests,
                    f"cluster label {target} --cluster {c.id} --category {c.category}",
                )
            )
    out.sort(key=lambda s: (-s.score, -s.size, s.cluster))
    for s in out:
        s.score = round(s.score, 3)
    return out[:limit]


def _said(answer: str) -> str:
    return "new" if answer == "new" else f"#{answer}"


def _split_member(member: str, several: bool) -> tuple[str, int]:
    if several and "@run" in member:
        test, _, run = member.rpartition("@run")
        if run.isdigit():
            return test, int(run)
    return member, 0


def _alone(texts: list[str], model: Model) -> list[str]:
    """Each failure's answer on its own (category id or ``new``), as if it were a cluster of one."""
    if not texts:
        return []
    uniques = list(dict.fromkeys(texts))
    scores = model.classifier.scores(model.embedder.embed(uniques))
    answers = {}
    for u, text in enumerate(uniques):
        decision = model.classifier.decide(scores.proba[u], scores.best_sim[u])
        answers[text] = decision.category or "new"
    return [answers[t] for t in texts]


__all__ = ["LOW_MARGIN", "Suggestion", "suggest"]
