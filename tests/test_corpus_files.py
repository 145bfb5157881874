"""The committed labelled files: training (corpus/data) and validation (corpus/validation) sets read as labelled
rows, never share a failure, and never name the scenario folder a failure came from (the folder gives the label
away: corpus/collect.py scrubs it)."""

import sys
from pathlib import Path

import pytest

from clusterer.train import read_labelled

ROOT = Path(__file__).resolve().parent.parent
TRAINING = sorted((ROOT / "corpus" / "data").glob("*.jsonl"))
VALIDATION = sorted((ROOT / "corpus" / "validation").glob("*.jsonl"))

sys.path.insert(0, str(ROOT / "corpus"))
collect = pytest.importorskip("collect")


def test_the_labelled_sets_are_committed():
    assert TRAINING and VALIDATION
    assert {p.stem for p in VALIDATION} >= {"wide-c", "wide-f", "wide-i", "wide-j"}


def test_ids_are_unique_across_training_and_validation():
    ids = [r["id"] for r in read_labelled(TRAINING + VALIDATION)]
    assert len(ids) == len(set(ids))


def test_no_validation_failure_is_also_a_training_failure():
    training = {r["text"] for r in read_labelled(TRAINING)}
    shared = [r["id"] for r in read_labelled(VALIDATION) if r["text"] in training]
    assert shared == []


SCENARIO_FILES = [p for p in TRAINING + VALIDATION if p.name != "library-messages.jsonl"]  # that one is the bank's


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_failure_names_its_scenario_folder(path):
    """A scrubbed text scrubs to itself. Until session 19 five corpus-other rows kept the folder name ``infra`` in
    module paths (``app.infra.billing.repository.BillingUnavailable``), a word only unrelated failures had."""
    leaks = [
        (r["id"], field)
        for r in read_labelled([path])
        for field in ("text", "message", "test")
        if collect.scrub(r.get(field) or "") != (r.get(field) or "")
    ]
    assert leaks == []
