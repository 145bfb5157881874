"""`cluster classify` end to end on the bundled tiny model: formats, exit codes, and every bad input."""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import subprocess
import sys

import jsonschema
import pytest

from clusterer.cli import app
from clusterer.schema import json_schema


def _classify(runner, *args):
    return runner.invoke(app, ["classify", *map(str, args)])


def test_table_lists_clusters_largest_first(runner, examples):
    res = _classify(runner, examples / "results.json")
    assert res.exit_code == 0, res.output
    assert "clusters" in res.output and "QueuePool" in res.output
    assert "Database connection pool" in res.output


def test_json_validates_against_exported_schema(runner, examples):
    res = _classify(runner, examples / "results.json", "--format", "json")
    assert res.exit_code == 0
    doc = json.loads(res.stdout)
    jsonschema.validate(doc, json_schema())
    s = doc["summary"]
    assert s["failures"] == len(doc["failures"]) == sum(c["size"] for c in doc["clusters"]) == 26
    sizes = [c["size"] for c in doc["clusters"]]
    assert sizes == sorted(sizes, reverse=True)
    members = {m for c in doc["clusters"] for m in c["members"]}
    assert members == {f["test"] for f in doc["failures"]}
    for f in doc["failures"]:
        assert 0 <= f["confidence"] <= 1
        assert f["nearest"] and f["nearest"][0]["similarity"] >= f["nearest"][-1]["similarity"]
        assert f["is_new"] == f["category"].startswith("new-")
    setup_errors = [f for f in doc["failures"] if f["outcome"] == "error"]
    assert setup_errors and all(f["phase"] == "setup" for f in setup_errors)


def test_junit_and_json_of_the_same_run_give_the_same_answers(runner, examples):
    a = json.loads(_classify(runner, examples / "results.json", "-f", "json").stdout)
    b = json.loads(_classify(runner, examples / "results.xml", "-f", "json").stdout)
    assert a["summary"]["failures"] == b["summary"]["failures"]
    # the formats carry slightly different text (JUnit adds the message attribute): answers may differ at the
    # margin, but the same tests must be found and nearly all get the same answer
    ans_a = {f["test"]: f["category"] if not f["is_new"] else "new" for f in a["failures"]}
    ans_b = {f["test"]: f["category"] if not f["is_new"] else "new" for f in b["failures"]}
    assert ans_a.keys() == ans_b.keys()
    assert sum(ans_a[t] == ans_b[t] for t in ans_a) >= 0.8 * len(ans_a)


def test_markdown_output_to_file(runner, examples, tmp_path):
    out = tmp_path / "summary.md"
    res = _classify(runner, examples / "results.json", "--format", "markdown", "--output", out)
    assert res.exit_code == 0 and res.stdout == ""
    text = out.read_text()
    assert text.startswith("## Test failures by cause")
    assert "| cluster | category |" in text and "<details>" in text


def test_several_runs_say_where_each_failure_came_from(runner, examples):
    res = _classify(runner, examples / "run1.json", examples / "run2.json", "-f", "json")
    doc = json.loads(res.stdout)
    assert doc["summary"]["runs"] == 2
    assert {f["run"] for f in doc["failures"]} == {0, 1}
    assert any("@run1" in m for c in doc["clusters"] for m in c["members"])


def test_fail_on(runner, examples, tmp_path):
    assert _classify(runner, examples / "results.json", "--fail-on", "any").exit_code == 1
    doc = json.loads(_classify(runner, examples / "results.json", "-f", "json").stdout)
    expected = 1 if doc["summary"]["new"] else 0
    assert _classify(runner, examples / "results.json", "--fail-on", "new").exit_code == expected
    clean = tmp_path / "clean.json"
    clean.write_text(json.dumps({"failures": []}))
    assert _classify(runner, clean, "--fail-on", "any").exit_code == 0


def test_identical_failures_collapse_into_one_cluster(runner, tmp_path):
    tb = (
        "def test_x(db):\n>       db.connect()\nE       sqlalchemy.exc.TimeoutError: QueuePool limit of size 5 "
        "overflow 10 reached, connection timed out, timeout 30.00\n\nsqlalchemy/pool/impl.py:157: TimeoutError"
    )
    failures = [{"test": f"tests/test_orders.py::test_order_{i}", "text": tb} for i in range(300)]
    path = tmp_path / "many.json"
    path.write_text(json.dumps(failures))
    doc = json.loads(_classify(runner, path, "-f", "json").stdout)
    assert doc["summary"]["failures"] == 300
    assert doc["clusters"][0]["size"] == 300 and doc["clusters"][0]["category"] == "3"


def test_a_new_cluster_states_how_likely_its_best_guess_is(runner, examples):
    """Every cluster states the probability that its best known category is right: a known cluster's is its
    confidence; a new cluster's is what the model declined (below the threshold here), shown in the table beside
    the guess so a user can check the likeliest new clusters first."""
    from clusterer.model import Model

    doc = json.loads(_classify(runner, examples / "results.json", "-f", "json").stdout)
    known = [c for c in doc["clusters"] if not c["is_new"]]
    new = [c for c in doc["clusters"] if c["is_new"]]
    assert known and new
    assert all(c["best_known"] == c["category"] and c["best_known_confidence"] == c["confidence"] for c in known)
    threshold = Model.load("tiny").classifier.proba_threshold_
    assert all(c["best_known"] in "1234567" and 0 < c["best_known_confidence"] < threshold for c in new)
    assert len({c["best_known_confidence"] for c in new}) == len(new)
    table = _classify(runner, examples / "results.json").output.replace("\n", " ").replace("│", " ")
    guess = new[0]
    assert f"best guess: #{guess['best_known']} at {guess['best_known_confidence']:.2f}" in " ".join(table.split())


def test_playbook_commands_quote_a_parametrised_test_id(runner, tmp_path):
    """The playbook's commands are pasted into a shell: a parametrised id's brackets are a glob pattern there (zsh
    stops with "no matches found"), so the id is quoted; a plain id is left as it is."""
    import shlex

    tb = (
        "def test_x(db):\n>       db.connect()\nE       sqlalchemy.exc.TimeoutError: QueuePool limit of size 5 "
        "overflow 10 reached, connection timed out, timeout 30.00\n\nsqlalchemy/pool/impl.py:157: TimeoutError"
    )
    for test, shown in (
        ("tests/db/test_orders.py::test_order[eu-1]", "'tests/db/test_orders.py::test_order[eu-1]'"),
        ("tests/db/test_orders.py::test_order", "tests/db/test_orders.py::test_order"),
    ):
        path = tmp_path / "one.json"
        path.write_text(json.dumps([{"test": test, "text": tb}]))
        doc = json.loads(_classify(runner, path, "-f", "json").stdout)
        commands = [s["command"] for s in doc["clusters"][0]["playbook"] if s["command"]]
        with_id = [c for c in commands if "::" in c]
        assert with_id and all(shown in c for c in with_id)
        assert all(test in shlex.split(c) for c in with_id)  # the shell hands pytest the id unchanged


def test_a_test_of_another_language_gets_no_pytest_command(runner, tmp_path):
    """A Rust test from cargo's JUnit report: its panic is the failure (the 429 its assert_eq! printed makes it a
    rate-limit failure) and its playbook keeps the steps but no ``pytest`` command, which could not run it."""
    panic = (
        "thread 'limits::tests::{name}' panicked at src/limits.rs:88:9:\nassertion `left == right` failed\n"
        "  left: 429\n right: 200\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace"
    )
    cases = "".join(
        f'<testcase classname="limits" name="limits::tests::{n}"><failure type="test failure" '
        f"message=\"thread 'limits::tests::{n}' panicked at src/limits.rs:88:9\">{panic.format(name=n)}</failure>"
        "</testcase>"
        for n in ("burst_is_refused", "second_burst")
    )
    path = tmp_path / "nextest.xml"
    path.write_text(f'<testsuites name="nextest-run"><testsuite name="limits">{cases}</testsuite></testsuites>')
    doc = json.loads(_classify(runner, path, "-f", "json").stdout)
    (cluster,) = doc["clusters"]
    assert cluster["category"] == "7" and cluster["size"] == 2
    assert cluster["playbook"] and all(s["step"] for s in cluster["playbook"])
    assert not any("pytest" in (s["command"] or "") for s in cluster["playbook"])
    # the same failure reported by pytest keeps its commands
    path = tmp_path / "one.json"
    path.write_text(json.dumps([{"test": "tests/test_limits.py::test_burst", "text": "E   assert 429 == 200"}]))
    doc = json.loads(_classify(runner, path, "-f", "json").stdout)
    assert any("pytest tests/test_limits.py" in (s["command"] or "") for c in doc["clusters"] for s in c["playbook"])


def test_no_failures_is_not_an_error(runner, tmp_path):
    path = tmp_path / "green.xml"
    path.write_text('<testsuite name="s" tests="1"><testcase classname="a" name="b"/></testsuite>')
    res = _classify(runner, path)
    assert res.exit_code == 0 and "no failures" in res.output


BAD_INPUTS = {
    "missing": (None, "no such file"),
    "directory": ("DIR", "directory"),
    "empty": (b"", "empty"),
    "malformed_json": (b'{"tests": [1, 2,,]}', "line 1, column"),
    "malformed_xml": (b"<testsuite><testcase></testsuite>", "malformed XML"),
    "unknown_json": (b'{"hello": "world"}', "unknown"),
    "unknown_xml": (b"<html><body/></html>", "unknown"),
    "binary": (b"\x00\x01\x02\x03PK\x00\x00" * 10, "binary"),
    "entity_bomb": (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
        b"<testsuite>&lol2;</testsuite>",
        "entit",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_gets_one_line_and_exit_2(runner, tmp_path, case):
    content, needle = BAD_INPUTS[case]
    path = tmp_path / f"{case}.json"
    if content == "DIR":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    res = _classify(runner, path)
    assert res.exit_code == 2, res.output
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path.name) in lines[0] and needle.lower() in lines[0].lower(), lines
    assert "Traceback" not in res.output


def test_gzip_results_are_read(runner, examples, tmp_path):
    path = tmp_path / "results.json.gz"
    path.write_bytes(gzip.compress((examples / "results.json").read_bytes()))
    doc = json.loads(_classify(runner, path, "-f", "json").stdout)
    assert doc["summary"]["failures"] == 26


def test_size_limit(runner, examples):
    res = _classify(runner, examples / "results.json", "--max-bytes", "1000")
    assert res.exit_code == 2 and "1000" in res.stderr


def test_unknown_model_exit_3(runner, examples):
    res = _classify(runner, examples / "results.json", "--model", "no-such-model")
    assert res.exit_code == 3 and "unknown model" in res.stderr and "Traceback" not in res.output


def test_corrupted_model_names_the_file(runner, examples, tmp_path):
    from clusterer.model import resolve_model_path

    broken = tmp_path / "broken"
    shutil.copytree(resolve_model_path("tiny"), broken)
    target = broken / "classifier.coef.npy"
    data = bytearray(target.read_bytes())
    data[-1] ^= 0xFF
    target.write_bytes(bytes(data))
    res = _classify(runner, examples / "results.json", "--model", broken)
    assert res.exit_code == 3
    assert "classifier.coef.npy: checksum mismatch" in res.stderr


def test_classify_never_writes_the_model(runner, examples):
    from clusterer.model import resolve_model_path

    path = resolve_model_path("tiny")
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in path.iterdir()}
    assert _classify(runner, examples / "results.json").exit_code == 0
    assert {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in path.iterdir()} == before


def test_categories_and_schema_commands(runner):
    res = runner.invoke(app, ["categories", "--json"])
    cats = json.loads(res.stdout)
    assert [c["id"] for c in cats] == [str(i) for i in range(1, 8)]
    assert all(c["playbook"] for c in cats)
    schema = json.loads(runner.invoke(app, ["schema"]).stdout)
    jsonschema.Draft202012Validator.check_schema(schema)


def test_classify_does_not_import_torch(examples):
    code = (
        "import sys\nfrom clusterer.cli import app\n"
        "try:\n    app(['classify', sys.argv[1], '-f', 'json'])\nexcept SystemExit as e:\n    assert not e.code\n"
        "heavy = [m for m in ('torch', 'sentence_transformers', 'transformers') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(examples / "results.json")], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
