"""corpus/realworld/score.py: rebuilt copies of the real-project lists are labelled by the lists, checked against
their checksums, grouped by list and half, and scored."""

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("realworld_score", ROOT / "corpus" / "realworld" / "score.py")
score = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(score)


def test_rows_take_their_labels_from_the_list_and_are_grouped_by_half():
    listed = [
        (
            "session 7",
            [
                {"id": "a", "category": "3", "cause": "pool", "half": "dev", "text_sha256": score.sha256("pool text")},
                {"id": "b", "category": "other", "half": "test", "text_sha256": score.sha256("something else")},
                {"id": "c", "category": "1", "half": "test", "text_sha256": "x"},
            ],
        ),
        ("session 6", [{"id": "d", "category": "5", "library": "asyncio", "text_sha256": score.sha256("loop")}]),
    ]
    rebuilt = [
        {"id": "a", "text": "pool text", "category": "7"},  # a copy cannot relabel its row
        {"id": "b", "text": "edited text"},
        {"id": "c", "text": None, "missing": "not found"},
        {"id": "d", "text": "loop"},
        {"id": "zzz", "text": "a row of no list"},
    ]
    groups, report = score.assemble(rebuilt, listed)
    assert list(groups) == ["session 7 dev", "session 7 test", "session 6"]
    assert groups["session 7 dev"] == [
        {"id": "a", "text": "pool text", "category": "3", "cause": "pool", "half": "dev"}
    ]
    assert [r["id"] for r in groups["session 7 test"]] == ["b"]
    assert groups["session 6"][0]["library"] == "asyncio"
    assert report == [
        "session 7: 2 of 3 rows rebuilt, 1 byte-identical",
        "session 6: 1 of 1 rows rebuilt, 1 byte-identical",
    ]


def test_main_scores_a_rebuilt_copy_with_the_bundled_model(tmp_path, capsys):
    copy = tmp_path / "rebuilt.jsonl"
    rows = [
        # ids of the committed lists; the texts stand in for the threads' excerpts
        {
            "id": "asyncpg-pytest-another-operation-in-progress",
            "text": "sqlalchemy.exc.TimeoutError: QueuePool limit of size 5 overflow 10 reached, "
            "connection timed out, timeout 30.00",
        },
        {"id": "o-pygraphviz-ext-not-built", "text": "ImportError: No module named '_graphviz'"},
    ]
    copy.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    assert score.main([str(copy), "-m", "tiny"]) == 0
    out = capsys.readouterr().out
    assert "session 7: 1 of 187 rows rebuilt, 0 byte-identical" in out
    header = next(line for line in out.splitlines() if line.startswith("| model"))
    assert "session 7 dev (1)" in header and "session 6 (1)" in header
    tiny = next(line for line in out.splitlines() if line.startswith("| tiny"))
    # both answered right (pool exhaustion is #3, the missing extension is unrelated): no cost anywhere
    cells = [c.strip() for c in tiny.strip().strip("|").split("|")]
    assert cells[0] == "tiny" and cells[-1] == "0"
    assert all(c.startswith("0.000 ") for c in cells[1:-1]), cells


def test_main_fails_when_no_row_matches(tmp_path, capsys):
    copy = tmp_path / "rebuilt.jsonl"
    copy.write_text(json.dumps({"id": "not-a-listed-id", "text": "x"}) + "\n", "utf-8")
    assert score.main([str(copy)]) == 1
    assert "no rebuilt row matches" in capsys.readouterr().out
