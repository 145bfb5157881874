"""corpus/perturb.py: perturbed training copies are reproducible and drop only whole failures; the scoring sets
put each real list's unread half apart; bad parameters are refused before anything is trained."""

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("perturb", ROOT / "corpus" / "perturb.py")
perturb = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(perturb)


def _rows(n=40):
    return [{"id": f"r{i}", "shape": ("message", "user", "raised", "assert")[i % 4]} for i in range(n)]


def test_copies_drop_whole_failures_reproducibly_and_copy_zero_is_the_corpus():
    rows = _rows()
    assert perturb.perturbed(rows, 0, 4) == rows
    one, again, two = perturb.perturbed(rows, 1, 4), perturb.perturbed(rows, 1, 4), perturb.perturbed(rows, 2, 4)
    assert one == again and one != two
    for copy in (one, two):
        gone = [r for r in rows if r not in copy]
        assert len(gone) == 4 and {r["shape"] for r in gone} <= {"raised", "assert"}
    assert len(perturb.perturbed(rows, 3, 100)) == 20  # never more than the whole failures


def test_real_lists_score_their_test_halves_apart(tmp_path):
    listed = json.loads((ROOT / "corpus" / "realworld" / "sources-session17.jsonl").read_text().splitlines()[0])
    rebuilt = tmp_path / "s17.jsonl"
    rebuilt.write_text(json.dumps({"id": listed["id"], "text": "E   KeyError: 'x'"}) + "\n")
    sets = perturb.score_sets([rebuilt])
    assert {name: col for name, (col, _) in sets.items() if col == "synthetic"} == {
        n: "synthetic" for n in ("held-out", "wide-c", "wide-f", "wide-i")
    }
    column, rows = sets["wide-j"]
    assert column == "logic bugs" and rows and {r["category"] for r in rows} == {"other"}
    (group,) = [n for n in sets if n.startswith("session 17")]
    column, rows = sets[group]
    assert column == ("real unread" if listed["half"] == "test" else "real read")
    assert [(r["id"], r["category"]) for r in rows] == [(listed["id"], listed["category"])]


@pytest.mark.parametrize(
    ("flag", "value", "message"),
    [("--classifier", "{n_repeats: 3}", "malformed JSON"), ("--embedder", "[1]", "expected a JSON object")],
)
def test_bad_parameters_are_refused_before_training(flag, value, message, capsys, monkeypatch):
    monkeypatch.setattr(perturb, "score_sets", lambda real: pytest.fail("nothing may run after a bad parameter"))
    with pytest.raises(SystemExit) as exc:
        perturb.main([flag, value])
    assert exc.value.code == 2 and message in capsys.readouterr().err
