"""The model registry: versioned model folders, one active model, an activation history to roll back through.

Layout under the models home (``$CLUSTERER_HOME/models``, default ``~/.local/share/clusterer/models``)::

    v1/ v2/ ...        model artefacts (manifest.json + files), written atomically by ``cluster train``
    state.json         {"active": "v2", "history": ["tiny", "v1"]} (replaced atomically)
    events.jsonl       one line per registration, activation and rollback: who, when, figures
    .lock              held (flock) while the registry changes

``tiny`` names the bundled model. With no active model chosen, the bundled tiny model is the default.
The active model is what ``cluster classify`` and the service use when neither ``--model`` nor
``$CLUSTERER_MODEL`` says otherwise (:func:`active_model_path`, called by
:func:`clusterer.model.resolve_model_path`).

Activation is guarded: a model whose cost on the shared held-out data is higher than the active model's by more
than a tolerance is refused unless forced. The cost is the product's own rule, the one the classifier's thresholds
are calibrated by: per failure, a wrong category (a known failure given another one, or an unrelated failure given
one) costs 3, a known failure answered "new" costs 1. Rollback returns to the model that was
active before the last activation.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .classify import DEFAULT_WRONG_COST, calibration_cost
from .errors import ModelError
from .labels import clusterer_home, default_author, now_utc
from .model import DEFAULT_MODEL, MANIFEST, bundled_models_dir

STATE = "state.json"
EVENTS = "events.jsonl"
#: How much higher a model's cost per failure on the shared held-out data (:func:`heldout_cost`) may be for it to be
#: activated without --force. It used to bound the drop of macro-F1 (by 0.02), but on the 86 known held-out failures
#: one changed answer moves macro-F1 by 0.01-0.05, so a retrain that declined two more failures (one in a category
#: of 8) was refused; the cost counts answers instead: two more declined pass (0.016), one more wrong does not
#: (0.024).
DEFAULT_TOLERANCE = 0.02
_VERSION = re.compile(r"^v(\d+)$")


class ActivationRefused(ModelError):
    """A model that scores worse than the active one on the shared evaluation (use ``--force``)."""


def models_home() -> Path:
    """Where registered models live: ``$CLUSTERER_HOME/models``."""
    return clusterer_home() / "models"


def active_model_path() -> Path | None:
    """The active model's folder, or ``None`` when none was activated (the bundled default applies).

    Cheap and side-effect free (one small JSON read): :func:`clusterer.model.resolve_model_path` calls it.

    Raises
    ------
    ModelError
        When the registry names an active model that is not there any more.
    """
    state_file = models_home() / STATE
    try:
        state = json.loads(state_file.read_text("utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise ModelError(f"{state_file}: unreadable registry state ({exc})") from None
    active = state.get("active") if isinstance(state, dict) else None
    if not active:
        return None
    return Registry().path(str(active))


@dataclass
class Entry:
    """One model the registry knows: its id, folder, manifest facts and whether it is active."""

    id: str
    path: Path
    active: bool
    bundled: bool
    manifest: dict[str, Any] = field(default_factory=dict)

    def summary(self) -> dict[str, Any]:
        """The facts ``cluster models list`` and ``GET /v1/models`` show."""
        m = self.manifest
        evaluation = m.get("evaluation", {})
        heldout = evaluation.get("heldout", {})
        user = evaluation.get("user_heldout", {})
        return {
            "id": self.id,
            "active": self.active,
            "bundled": self.bundled,
            "path": str(self.path),
            "name": m.get("name"),
            "embedder": m.get("embedder", {}).get("kind"),
            "categories": [c.get("id") for c in m.get("categories", [])],
            "training_rows": m.get("training", {}).get("rows"),
            "user_labels": m.get("training", {}).get("user_labels", {}).get("used", 0),
            "heldout_macro_f1": heldout.get("macro_f1"),
            "heldout_wrong_known_rate": heldout.get("wrong_known_rate"),
            "user_heldout_macro_f1": user.get("macro_f1"),
            "digest": m.get("training", {}).get("digest"),
        }


class Registry:
    """Versioned models under ``home`` (default :func:`models_home`), one of them active."""

    def __init__(self, home: str | os.PathLike[str] | None = None) -> None:
        self.root = Path(home) if home is not None else models_home()

    # -- reading -------------------------------------------------------------------------------------------------
    def path(self, model_id: str) -> Path:
        """The folder of ``model_id`` (``tiny`` is the bundled model).

        Raises
        ------
        ModelError
            When there is no such model.
        """
        if model_id == DEFAULT_MODEL:
            return bundled_models_dir() / DEFAULT_MODEL
        if not _VERSION.match(model_id) or not (self.root / model_id / MANIFEST).is_file():
            known = ", ".join([DEFAULT_MODEL, *self.ids()])
            raise ModelError(f"unknown model {model_id!r} in {self.root} (known: {known})")
        return self.root / model_id

    def ids(self) -> list[str]:
        """Registered model ids, oldest first."""
        if not self.root.is_dir():
            return []
        found = [p.name for p in self.root.iterdir() if _VERSION.match(p.name) and (p / MANIFEST).is_file()]
        return sorted(found, key=lambda i: int(i[1:]))

    def state(self) -> dict[str, Any]:
        """``{"active": id or None, "history": [ids activated before, oldest first]}``."""
        try:
            raw = json.loads((self.root / STATE).read_text("utf-8"))
        except FileNotFoundError:
            return {"active": None, "history": []}
        except (OSError, ValueError) as exc:
            raise ModelError(f"{self.root / STATE}: unreadable registry state ({exc})") from None
        return {"active": raw.get("active"), "history": list(raw.get("history", []))}

    def active_id(self) -> str:
        """The active model's id (``tiny`` when none was activated)."""
        return self.state()["active"] or DEFAULT_MODEL

    def entries(self) -> list[Entry]:
        """The bundled model and every registered one, oldest first."""
        active = self.active_id()
        out = []
        for model_id in [DEFAULT_MODEL, *self.ids()]:
            path = self.path(model_id)
            try:
                manifest = json.loads((path / MANIFEST).read_text("utf-8"))
            except (OSError, ValueError):
                manifest = {}
            out.append(Entry(model_id, path, model_id == active, model_id == DEFAULT_MODEL, manifest))
        return out

    def entry(self, model_id: str) -> Entry:
        """One model's entry (see :meth:`entries`)."""
        path = self.path(model_id)
        try:
            manifest = json.loads((path / MANIFEST).read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise ModelError(f"{path / MANIFEST}: unreadable manifest ({exc})") from None
        return Entry(model_id, path, model_id == self.active_id(), model_id == DEFAULT_MODEL, manifest)

    def events(self) -> list[dict[str, Any]]:
        """The registry's log, oldest first."""
        try:
            lines = (self.root / EVENTS).read_text("utf-8").splitlines()
        except FileNotFoundError:
            return []
        return [json.loads(line) for line in lines if line.strip()]

    # -- changing ------------------------------------------------------------------------------------------------
    @contextmanager
    def _locked(self) -> Iterator[None]:
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / ".lock", "a+") as fh:
            try:
                import fcntl
            except ImportError:  # pragma: no cover - not POSIX
                yield
                return
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh.fileno(), fcntl.LOCK_UN)

    def _write_state(self, state: dict[str, Any]) -> None:
        data = (json.dumps(state, indent=1, sort_keys=True) + "\n").encode("utf-8")
        fd, tmp = tempfile.mkstemp(prefix=".state.", dir=self.root)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.root / STATE)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def _log(self, event: dict[str, Any]) -> None:
        line = json.dumps({"at": now_utc(), "by": default_author()} | event, sort_keys=True) + "\n"
        with open(self.root / EVENTS, "a", encoding="utf-8") as fh:
            fh.write(line)
            fh.flush()
            os.fsync(fh.fileno())

    def reserve(self) -> tuple[str, Path]:
        """Reserve the next version id (``v<n>``) for a model being built; returns ``(id, folder to write)``.

        The reservation is a dot-file, so a build killed half-way leaves no visible model and its number is
        simply skipped.
        """
        with self._locked():
            taken = [
                int(m.group(1)) for p in self.root.iterdir() if (m := re.match(r"^\.?v(\d+)(?:\.reserved)?$", p.name))
            ]
            model_id = f"v{max(taken, default=0) + 1}"
            (self.root / f".{model_id}.reserved").write_text(now_utc() + "\n", encoding="utf-8")
        return model_id, self.root / model_id

    def registered(self, model_id: str, facts: dict[str, Any] | None = None) -> Entry:
        """Record that the reserved ``model_id`` was written completely; returns its entry."""
        with self._locked():
            (self.root / f".{model_id}.reserved").unlink(missing_ok=True)
            self._log({"event": "registered", "model": model_id} | ({"facts": facts} if facts else {}))
        return self.entry(model_id)

    def release(self, model_id: str) -> None:
        """Drop the reservation of a build that failed."""
        (self.root / f".{model_id}.reserved").unlink(missing_ok=True)

    def activate(
        self,
        model_id: str,
        *,
        force: bool = False,
        tolerance: float = DEFAULT_TOLERANCE,
        comparison: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Make ``model_id`` the active model, unless it scores worse than the active one.

        Parameters
        ----------
        model_id:
            ``tiny`` or a registered id.
        force:
            Activate even when the model scores worse.
        tolerance:
            Allowed rise of the cost per failure on the shared held-out data (:func:`heldout_cost`).
        comparison:
            A precomputed :func:`compare` of the active model with this one (saves evaluating twice).

        Returns
        -------
        dict with ``active``, ``previous`` and ``comparison``.

        Raises
        ------
        ActivationRefused
            When the model scores worse and ``force`` is false.
        """
        path = self.path(model_id)
        with self._locked():
            state = self.state()
            previous = state["active"] or DEFAULT_MODEL
            if previous == model_id:
                return {"active": model_id, "previous": previous, "comparison": None, "changed": False}
            cmp = comparison or compare(self.path(previous), path)
            rise = cmp["after"]["cost"] - cmp["before"]["cost"]
            if rise > tolerance and not force:
                raise ActivationRefused(
                    f"{model_id} scores worse than the active model {previous} on the shared held-out data: cost "
                    f"per failure {cmp['before']['cost']:.4f} -> {cmp['after']['cost']:.4f} (a wrong category 3, a "
                    f"declined known failure 1; tolerance {tolerance}), macro-F1 over #1-#7 "
                    f"{cmp['before']['macro_f1']:.4f} -> {cmp['after']['macro_f1']:.4f}; use --force to activate it "
                    "anyway"
                )
            self._write_state({"active": model_id, "history": [*state["history"], previous]})
            self._log(
                {
                    "event": "activated",
                    "model": model_id,
                    "previous": previous,
                    "forced": bool(force and rise > tolerance),
                    "comparison": _brief(cmp),
                }
            )
        return {"active": model_id, "previous": previous, "comparison": cmp, "changed": True}

    def rollback(self) -> dict[str, Any]:
        """Return to the model that was active before the last activation.

        Raises
        ------
        ModelError
            When there is nothing to roll back to, or that model is gone.
        """
        with self._locked():
            state = self.state()
            if not state["history"]:
                raise ModelError(
                    f"nothing to roll back to: {state['active'] or DEFAULT_MODEL} is the first active model"
                )
            target = state["history"][-1]
            self.path(target)  # still there?
            current = state["active"] or DEFAULT_MODEL
            self._write_state({"active": target, "history": state["history"][:-1]})
            self._log({"event": "rolled back", "model": target, "previous": current})
        return {"active": target, "previous": current}


# -- the shared evaluation ---------------------------------------------------------------------------------------


def shared_heldout() -> list[dict[str, Any]]:
    """The shared held-out rows of the labelled corpus (the quality issue's evaluation data)."""
    from .train import read_corpus

    return read_corpus()[1]


def heldout_cost(figures: dict[str, Any], wrong_cost: float = DEFAULT_WRONG_COST) -> float:
    """Cost per failure of a model's answers, from their figures (:func:`clusterer.evaluate.score`), by the rule
    the thresholds are calibrated by (:func:`clusterer.classify.calibration_cost`): a wrong category costs
    ``wrong_cost``, a known failure answered "new" costs 1, a right answer nothing.

    On the shared held-out data (126 failures) one more declined answer raises it by 0.008 and one more wrong
    answer by 0.024, where one changed answer can move macro-F1 by up to 0.05 (a category of 8 failures): the
    guard allows a retrain to decline two more failures, but not to answer one more wrongly.

    >>> from clusterer.evaluate import score
    >>> truth, answers = ["1", "1", "1", "1", "other", "other"], ["1", "1", "new", "2", "new", "1"]
    >>> round(heldout_cost(score(truth, answers)), 4)  # (1 + 3 + 3) / 6
    1.1667
    """
    n_known = sum(c["support"] for c in figures["per_category"].values())
    rates = {
        "wrong_known_rate": figures["wrong_known_rate"],
        "other_said_new": figures["new_recall"],
        "coverage_known": figures["coverage_known"],
    }
    return calibration_cost(rates, n_known, figures["n"] - n_known, wrong_cost)


def compare(before: Path, after: Path, rows: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Evaluate two models on the shared held-out data and count the answers that changed.

    Returns
    -------
    dict with ``before``/``after`` (``macro_f1``, ``accuracy_known``, ``wrong_known_rate``, ``new_precision``,
    ``cost`` (:func:`heldout_cost`), ``per_category`` F1), ``changed`` (fraction of held-out failures whose answer
    differs) and ``rows``.
    """
    from .evaluate import answers, score
    from .model import Model

    rows = shared_heldout() if rows is None else rows
    out: dict[str, Any] = {"rows": len(rows)}
    predictions = []
    for key, path in (("before", before), ("after", after)):
        # one embedding and one pass of the classifier per model serve both the figures and the changed answers
        answered = answers(Model.load(path), rows)
        figures = score(**answered)
        out[key] = {
            "model": str(path),
            "macro_f1": round(figures["macro_f1"], 4),
            "accuracy_known": round(figures["accuracy_known"], 4),
            "wrong_known_rate": round(figures["wrong_known_rate"], 4),
            "new_precision": round(figures["new_precision"], 4),
            "cost": round(heldout_cost(figures), 4),
            "per_category_f1": {c: round(v["f1"], 4) for c, v in figures["per_category"].items() if v["support"]},
        }
        predictions.append(answered["pred"])
    changed = sum(a != b for a, b in zip(*predictions, strict=True))
    out["changed"] = round(changed / max(1, len(rows)), 4)
    out["changed_rows"] = changed
    return out


def _brief(cmp: dict[str, Any]) -> dict[str, Any]:
    return {
        "macro_f1": [cmp["before"]["macro_f1"], cmp["after"]["macro_f1"]],
        "cost": [cmp["before"]["cost"], cmp["after"]["cost"]],
        "changed": cmp["changed"],
    }


def train_and_register(
    store: Any,
    *,
    registry: Registry | None = None,
    embedder: str = "tiny",
    activate: bool = True,
    force: bool = False,
    tolerance: float = DEFAULT_TOLERANCE,
    corpus: Path | None = None,
    split: Path | None = None,
) -> dict[str, Any]:
    """Train a new version from the bundled exemplars and the store's labels, register it, and activate it when
    it does not score worse than the active model (``activate``).

    Returns
    -------
    dict with ``id``, ``path``, the training report (``labels``, ``evaluation``), ``comparison`` with the model
    active before, and ``activated`` (bool) with ``refused`` (the reason) when the gate said no.
    """
    from .train import train_from_store

    registry = registry or Registry()
    model_id, path = registry.reserve()
    try:
        report = train_from_store(store, path, embedder=embedder, name=model_id, corpus=corpus, split=split)
    except BaseException:
        registry.release(model_id)
        raise
    registry.registered(model_id, {"labels": report["labels"], "evaluation": report["evaluation"]})
    previous = registry.active_id()
    from .train import read_corpus

    cmp = compare(registry.path(previous), path, read_corpus(corpus, split)[1])
    result = {"id": model_id, **report, "previous": previous, "comparison": cmp, "activated": False}
    if activate:
        try:
            registry.activate(model_id, force=force, tolerance=tolerance, comparison=cmp)
            result["activated"] = True
        except ActivationRefused as exc:
            result["refused"] = str(exc)
    return result


__all__ = [
    "DEFAULT_TOLERANCE",
    "ActivationRefused",
    "Entry",
    "Registry",
    "active_model_path",
    "compare",
    "models_home",
    "shared_heldout",
    "train_and_register",
]
