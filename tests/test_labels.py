"""The label store (SQLite, and PostgreSQL when one is reachable), its migrations, and the labelling commands."""

from __future__ import annotations

import io
import json
import sqlite3
import subprocess
import sys
import textwrap

import pytest
from retrain_support import EXAMPLES, cli, drop_postgres_schema, postgres_schema_url

from clusterer.cli import app
from clusterer.labels import MIGRATIONS, SCHEMA_VERSION, Label, LabelStore, StoreError, make_category, open_store


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.slow)])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        yield str(tmp_path / "labels.db")
        return
    url, schema = postgres_schema_url()
    yield url
    drop_postgres_schema(schema)


def _label(n: int, category: str = "3", **kw) -> Label:
    return Label(test=f"tests/test_x.py::test_{n}", text=f"exception: E{n}\nmessage: boom {n}", category=category, **kw)


# -- store --------------------------------------------------------------------------------------------------------


def test_migrations_numbered_applied_once(store_url):
    store = LabelStore(store_url)
    assert store.migrate() == [v for v, _, _ in MIGRATIONS]
    assert store.migrate() == []
    assert LabelStore(store_url).migrate() == []
    assert store.schema_version() == SCHEMA_VERSION == len(MIGRATIONS)
    assert [v for v, _, _ in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))


def test_sqlite_store_is_wal_with_a_busy_timeout(tmp_path):
    open_store(tmp_path / "labels.db").add_labels([_label(1)])
    conn = sqlite3.connect(tmp_path / "labels.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_newer_schema_is_refused(tmp_path):
    db = tmp_path / "labels.db"
    open_store(db)
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO schema_migrations VALUES (99, 'future', '2099-01-01T00:00:00Z')")
    with pytest.raises(StoreError, match="schema version 99 is newer"):
        open_store(db)


def test_labels_round_trip_and_latest_label_wins(store_url):
    store = open_store(store_url)
    stored = store.add_labels(
        [_label(1, traceback="Traceback...\nE1: boom 1", message="E1: boom 1", source="run1.json", run=0), _label(2)],
        author="alice",
    )
    assert [lab.id for lab in stored] == [1, 2]
    first = store.labels()[0]
    assert (first.author, first.source, first.run, first.category) == ("alice", "run1.json", 0, "3")
    assert first.traceback.startswith("Traceback") and first.created_at.endswith("Z") and len(first.uid) == 32
    store.add_labels([_label(1, category="other")], author="bob")  # a correction
    assert store.count() == 3  # nothing overwritten
    latest = {lab.test: lab.category for lab in store.training_labels()}
    assert latest == {"tests/test_x.py::test_1": "other", "tests/test_x.py::test_2": "3"}
    assert [lab.test for lab in store.labels(category="other")] == ["tests/test_x.py::test_1"]
    assert len(store.labels(limit=1)) == 1


def test_unknown_category_stores_nothing(store_url):
    store = open_store(store_url)
    with pytest.raises(StoreError, match=r"unknown category '8'.*cluster categories add 8"):
        store.add_labels([_label(1), _label(2, category="8")])
    assert store.count() == 0
    store.add_category(make_category("8", "Decimal JSON", ["Find the dumps => grep -rn json.dumps src"]))
    assert len(store.add_labels([_label(2, category="8")])) == 1


def test_categories_live_in_the_store(store_url):
    store = open_store(store_url)
    cat = store.add_category(
        make_category(
            "8",
            "Decimal JSON serialization",
            ["Look", "Grep => grep -rn x ."],
            priority=2,
            root_causes=["Decimal in json.dumps"],
        )
    )
    assert store.categories() == [cat]
    assert cat.playbook[1].command == "grep -rn x ." and cat.playbook[0].command is None
    assert set(store.all_categories()) == {"1", "2", "3", "4", "5", "6", "7", "8"}
    with pytest.raises(StoreError, match="already exists"):
        store.add_category(make_category("8", "Other name"))
    store.add_category(make_category("8", "Renamed"), replace=True)
    assert store.categories()[0].name == "Renamed"
    for bad in ("3", "other", "new-1", "a b"):
        with pytest.raises(StoreError):
            store.add_category(make_category(bad, "x"))


def test_export_import_jsonl(store_url, tmp_path):
    store = open_store(store_url)
    store.add_category(make_category("8", "Decimal JSON"))
    store.add_labels([_label(1, category="8"), _label(2)])
    buf = io.StringIO()
    assert store.export_jsonl(buf) == 2
    lines = buf.getvalue().splitlines()
    assert json.loads(lines[0])["type"] == "category" and json.loads(lines[1])["type"] == "label"
    other = open_store(tmp_path / "other.db")
    assert other.import_jsonl(lines) == (2, 0)
    assert other.import_jsonl(lines) == (0, 2)  # same uids: nothing added twice
    assert [c.id for c in other.categories()] == ["8"]
    assert [lab.to_dict() for lab in other.labels()] == [lab.to_dict() for lab in store.labels()]
    # plain label objects (no type, no uid) import too, idempotently
    plain = [json.dumps({"test": "t.py::test_a", "text": "exception: X", "category": "other"})]
    assert other.import_jsonl(plain) == (1, 0) and other.import_jsonl(plain) == (0, 1)


def test_import_names_the_bad_line(tmp_path):
    store = open_store(tmp_path / "labels.db")
    with pytest.raises(StoreError, match=r"f\.jsonl: line 2: malformed JSON"):
        store.import_jsonl(['{"test": "a", "text": "b", "category": "1"}', "{nope"], source="f.jsonl")
    with pytest.raises(StoreError, match="line 1: missing text"):
        store.import_jsonl(['{"test": "a", "category": "1"}'], source="f.jsonl")
    assert store.count() == 0


def test_jobs_are_rows(store_url):
    store = open_store(store_url)
    job = store.create_job("retrain", {"embedder": "tiny"})
    store.update_job(job.id, status="running")
    store.update_job(job.id, status="done", result={"id": "v1"})
    got = store.job(job.id)
    assert got is not None and (got.status, got.result, got.params) == ("done", {"id": "v1"}, {"embedder": "tiny"})
    assert got.started_at and got.finished_at
    assert store.job("nope") is None


_WRITER = textwrap.dedent("""
    import sys
    from clusterer.labels import Label, LabelStore
    store = LabelStore(sys.argv[1])
    for i in range(int(sys.argv[3])):
        store.add_labels([Label(test=f"t.py::test_{sys.argv[2]}_{i}", text=f"exception: E{i}", category="5")],
                         author=sys.argv[2])
""")


def test_two_processes_labelling_at_once_lose_nothing(store_url):
    open_store(store_url)  # created and migrated; the writers below start together
    n = 150
    procs = [subprocess.Popen([sys.executable, "-c", _WRITER, store_url, who, str(n)]) for who in ("ann", "bob")]
    assert [p.wait(timeout=300) for p in procs] == [0, 0]
    labels = LabelStore(store_url).labels()
    assert len(labels) == 2 * n
    assert len({lab.uid for lab in labels}) == 2 * n
    assert {lab.author for lab in labels} == {"ann", "bob"}


def test_two_processes_migrating_a_fresh_store_at_once(tmp_path):
    db = str(tmp_path / "fresh.db")
    procs = [subprocess.Popen([sys.executable, "-c", _WRITER, db, who, "20"]) for who in ("ann", "bob")]
    assert [p.wait(timeout=300) for p in procs] == [0, 0]
    assert LabelStore(db).count() == 40 and LabelStore(db).schema_version() == SCHEMA_VERSION


def test_postgres_without_a_server_is_one_line(monkeypatch):
    pytest.importorskip("psycopg")
    store = LabelStore("postgresql://nobody:pw@127.0.0.1:1/none")
    with pytest.raises(StoreError, match=r"postgresql://nobody:\*\*\*@127.0.0.1:1/none: cannot connect"):
        store.count()


# -- CLI ----------------------------------------------------------------------------------------------------------


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "labels.db")


def test_cli_label_a_test_and_a_cluster(runner, db):
    large = str(EXAMPLES / "large-run.json")
    res = runner.invoke(
        app,
        [
            "categories",
            "add",
            "8",
            "--name",
            "Decimal JSON serialization",
            "--db",
            db,
            "-p",
            "Find json.dumps of Decimal => grep -rn json.dumps src",
        ],
    )
    assert res.exit_code == 0, res.output
    res = runner.invoke(
        app,
        [
            "label",
            large,
            "--test",
            "tests/test_receipts.py::test_export_receipt_json",
            "--category",
            "8",
            "--db",
            db,
            "--by",
            "alice",
            "--source",
            "ci/123",
        ],
    )
    assert res.exit_code == 0, res.output
    lab = open_store(db).labels()[0]
    assert (lab.author, lab.source, lab.category) == ("alice", "ci/123", "8")
    assert lab.text.startswith("exception: TypeError") and "Decimal" in lab.traceback
    # --cluster: every member of the cluster the classify answer shows (c1 of large-run: 11 Decimal asserts)
    res = runner.invoke(app, ["classify", large, "--format", "json"])
    answer = json.loads(res.output)
    c1 = answer["clusters"][0]
    res = runner.invoke(app, ["label", large, "--cluster", c1["id"], "--category", "4", "--db", db])
    assert res.exit_code == 0, res.output
    assert sorted(lab.test for lab in open_store(db).labels(category="4")) == sorted(c1["members"])
    # the same with a saved answer
    saved = runner.invoke(app, ["classify", large, "--format", "json"]).output
    path = f"{db}.answer.json"
    with open(path, "w") as fh:
        fh.write(saved)
    res = runner.invoke(
        app, ["label", large, "--cluster", "1", "--answer", path, "--category", "4", "--db", db, "--dry-run"]
    )
    assert res.exit_code == 0 and res.output.count("would label") == c1["size"]


def test_cli_label_errors_are_one_line(runner, db):
    run1 = str(EXAMPLES / "run1.json")
    for args, message in [
        ([run1, "--category", "3"], "say what to label"),
        ([run1, "--test", "tests/test_orders.py::test_cancel_ordr", "--category", "3"], "did you mean"),
        ([run1, "--cluster", "c99", "--category", "3"], "no such cluster"),
        ([run1, "--test", "tests/test_orders.py::test_cancel_order", "--category", "9"], "unknown category '9'"),
    ]:
        res = runner.invoke(app, ["label", *args, "--db", db])
        assert res.exit_code == 2, res.output
        assert message in res.output and "Traceback" not in res.output


def test_cli_labels_list_export_import(runner, db, tmp_path):
    run1 = str(EXAMPLES / "run1.json")
    runner.invoke(app, ["label", run1, "--test", "tests/test_orders.py::test_cancel_order", "-c", "3", "--db", db])
    res = runner.invoke(app, ["labels", "list", "--db", db, "--json"])
    rows = json.loads(res.output)
    assert [r["test"] for r in rows] == ["tests/test_orders.py::test_cancel_order"]
    out = tmp_path / "labels.jsonl"
    assert runner.invoke(app, ["labels", "export", "--db", db, "-o", str(out)]).exit_code == 0
    other = str(tmp_path / "other.db")
    res = runner.invoke(app, ["labels", "import", str(out), "--db", other])
    assert res.exit_code == 0 and "imported 1 label(s), 0 already stored" in res.output
    res = runner.invoke(app, ["labels", "import", str(out), "--db", other])
    assert "imported 0 label(s), 1 already stored" in res.output
    assert "test_cancel_order" in runner.invoke(app, ["labels", "list", "--db", other]).output


def test_cli_categories_still_lists_and_shows_store_categories(runner, db, monkeypatch):
    assert json.loads(runner.invoke(app, ["categories", "--json"]).output)[0]["id"] == "1"
    monkeypatch.setenv("CLUSTERER_DB", db)
    runner.invoke(app, ["categories", "add", "8", "--name", "Decimal JSON"])
    res = runner.invoke(app, ["categories"])
    assert res.exit_code == 0 and "#8 Decimal JSON" in res.output and "train" in res.output
    res = runner.invoke(app, ["categories", "add", "3", "--name", "x"])
    assert res.exit_code == 2 and "built in" in res.output


def test_cli_suggest_ranks_new_clusters_and_disagreements(runner, db):
    large = str(EXAMPLES / "large-run.json")
    res = runner.invoke(app, ["suggest", large, "--format", "json", "--db", db])
    hints = json.loads(res.output)
    assert hints and all(h["kind"] in ("new", "low-margin", "disagreement") for h in hints)
    assert {h["name"] for h in hints if h["kind"] == "new"} >= {"new: TypeError · type Decimal JSON serializable"}
    runner.invoke(app, ["categories", "add", "8", "--name", "Decimal JSON", "--db", db])
    runner.invoke(
        app, ["label", large, "--test", "tests/test_receipts.py::test_export_receipt_json", "-c", "8", "--db", db]
    )
    hints = json.loads(runner.invoke(app, ["suggest", large, "--format", "json", "--db", db]).output)
    assert hints[0]["kind"] == "disagreement" and "labelled #8" in hints[0]["reason"]
    assert hints[0]["command"].endswith("--category 8")
    assert "suggestion" in runner.invoke(app, ["suggest", large, "--db", db]).output


def test_cli_label_two_processes_at_once(tmp_path):
    """Two `cluster label` processes on one store: both batches are stored."""
    db = str(tmp_path / "labels.db")
    large = str(EXAMPLES / "large-run.json")
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "clusterer.cli", "label", large, "--test", test, "-c", "1", "--db", db],
            stderr=subprocess.PIPE,
        )
        for test in (
            "tests/test_recommender.py::test_portfolio_suggestions",
            "tests/test_recommender.py::test_top_k_unique",
        )
    ]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    assert LabelStore(db).count() == 2
    assert cli("labels", "list", "--db", db, "--json").stdout.count('"category": "1"') == 2
